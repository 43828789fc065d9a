namespace Vpnns.Vpn;

/// <summary>
/// The multi-call hook binary's switchboard: which entry point runs, from OpenVPN's <c>script_type</c> when set,
/// else from the name the binary was invoked as (<c>/usr/lib/vpnns/up</c> → <c>up</c>; reference.md 6.2).
/// </summary>
public static class HookDispatcher
{
    public static string EntryName(string argv0, IReadOnlyDictionary<string, string> env) =>
        env.TryGetValue("script_type", out var scriptType) && scriptType is "up" or "down"
            ? scriptType
            : Path.GetFileName(argv0);

    public static int Run(string entry, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, TextWriter stderr)
    {
        if (args is ["--version"])
        {
            Console.Out.WriteLine("vpnns-hook: OpenVPN up/down hooks of vpnns");
            return ExitCodes.Success;
        }
        var log = new HookLog(stderr, $"vpnns {entry}");
        return entry switch
        {
            "up" => OpenVpnHook.Run(HookPhase.Up, args, env, log, HookPaths.System),
            "down" => OpenVpnHook.Run(HookPhase.Down, args, env, log, HookPaths.System),
            // pppd (issue #6): "ip-up", "ip-down", "ipv6-up", "ipv6-down" map to a PppEvent reader here, then the
            // same TunnelPlanner.ForUp / ForDown and PlanExecutor as OpenVPN.
            _ => throw VpnnsException.Invalid("unknown hook", $"\"{entry}\" (install it as up or down, or set script_type)"),
        };
    }
}
