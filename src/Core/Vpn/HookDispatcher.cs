namespace Vpnns.Vpn;

/// <summary>
/// The multi-call hook binary's switchboard: which entry point runs, from OpenVPN's <c>script_type</c> when set,
/// else from the name the binary was invoked as (<c>/usr/lib/vpnns/up</c> → <c>up</c>; reference.md 6.2). Debian's
/// pppd wrappers run every file in <c>/etc/ppp/ip-up.d</c> under its own name (<c>ip-up.d/vpnns</c>), so there the
/// directory names the entry.
/// </summary>
public static class HookDispatcher
{
    public static string EntryName(string argv0, IReadOnlyDictionary<string, string> env)
    {
        if (env.TryGetValue("script_type", out var scriptType) && scriptType is "up" or "down")
            return scriptType;
        string directory = Path.GetFileName(Path.GetDirectoryName(argv0) ?? "");
        return directory.EndsWith(".d", StringComparison.Ordinal) && PppScript.TryParse(directory[..^2], out var script)
            ? script.Name
            : Path.GetFileName(argv0);
    }

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
            _ when PppScript.TryParse(entry, out var script) => PppHook.Run(script, args, env, log, HookPaths.System),
            _ => throw VpnnsException.Invalid("unknown hook",
                $"\"{entry}\" (install it as up, down, ip-up, ip-down, ipv6-up or ipv6-down, or set script_type)"),
        };
    }
}
