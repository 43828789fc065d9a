using Vpnns;
using Vpnns.Interop;
using Vpnns.Vpn;

// OpenVPN's up/down (and, with issue #6, pppd's ip-up/ip-down) in one binary; see HookDispatcher.
var env = HookEnvironment.Capture();
string entry = HookDispatcher.EntryName(Environment.GetCommandLineArgs()[0], env);
return EntryPoint.Run($"vpnns {entry}", () => HookDispatcher.Run(entry, args, env, new StandardErrorWriter()));
