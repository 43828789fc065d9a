using Vpnns;
using Vpnns.Interop;
using Vpnns.Settings;
using Vpnns.Vpn;

// OpenVPN's up/down and pppd's ip-up/ip-down/ipv6-up/ipv6-down in one binary; see HookDispatcher.
var env = HookEnvironment.Capture();
string entry = HookDispatcher.EntryName(Environment.GetCommandLineArgs()[0], env);
return EntryPoint.Run($"vpnns {entry}", () =>
{
    var effective = HookEnvironment.WithFileDefaults(env, SettingsLoader.LoadIfFilePresent(env));
    return HookDispatcher.Run(entry, args, effective, new StandardErrorWriter());
});
