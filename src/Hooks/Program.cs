using Vpnns;
using Vpnns.Interop;
using Vpnns.Settings;
using Vpnns.Vpn;

// OpenVPN's up/down and pppd's ip-up/ip-down/ipv6-up/ipv6-down in one binary; see HookDispatcher.
var env = HookEnvironment.Capture();
string entry = HookDispatcher.EntryName(Environment.GetCommandLineArgs()[0], env);
var effective = env; // what VPNNS_DEBUG is read from: with the file's defaults once they are read
return EntryPoint.Run($"vpnns {entry}", () =>
{
    effective = HookEnvironment.WithFileDefaults(env, SettingsFile.ReadIfPresent());
    return HookDispatcher.Run(entry, args, effective, new StandardErrorWriter());
}, () => DebugSetting.IsOn(effective));
