namespace Vpnns.Tests;

/// <summary>
/// What pppd hands its scripts, built from ppp v2.5.3's source (main.c, auth.c, ipcp.c, ipv6cp.c; reference.md
/// 2.2–2.5): this kernel has no PPP, so no run can be captured. A pptp client peer file uses <c>pty</c>, which
/// leaves the tty argument and DEVICE empty and the speed 0.
/// </summary>
public static class PppEnvironment
{
    public const string Local = "10.0.5.2";
    public const string Remote = "10.0.5.1";
    public const string Dns1 = "10.0.5.53";
    public const string Dns2 = "10.0.5.54";
    public const string LinkLocal = "fe80::1c2d:3e4f:5a6b:7c8d";
    public const string LinkRemote = "fe80::a1b2:c3d4:e5f6:1728";

    /// <summary><c>interface tty speed local remote ipparam</c> (reference.md 2.2).</summary>
    public static string[] Args(string device, string local, string remote, string ipparam = "work") =>
        [device, "", "0", local, remote, ipparam];

    /// <summary>ip-up of a pptp client with <c>set VPNNS=name</c> and <c>usepeerdns</c>.</summary>
    public static Dictionary<string, string> IpUp(string device, string? vpnns) =>
        With(Link(device, vpnns),
            ("IPLOCAL", Local), ("IPREMOTE", Remote), ("DNS1", Dns1), ("DNS2", Dns2), ("USEPEERDNS", "1"));

    /// <summary>ipv6-up: IPV6CP's interface identifiers as link-local addresses.</summary>
    public static Dictionary<string, string> Ipv6Up(string device, string? vpnns) =>
        With(Link(device, vpnns), ("LLLOCAL", LinkLocal), ("LLREMOTE", LinkRemote));

    /// <summary>ip-down: ip-up's variables plus the statistics pppd adds when the link goes.</summary>
    public static Dictionary<string, string> IpDown(string device, string? vpnns) =>
        With(IpUp(device, vpnns), ("CONNECT_TIME", "42"), ("BYTES_SENT", "1234"), ("BYTES_RCVD", "5678"));

    /// <summary>
    /// What Debian's /etc/ppp/ip-up adds before <c>run-parts /etc/ppp/ip-up.d</c>: PATH and the arguments again
    /// as PPP_* (reference.md 2.5).
    /// </summary>
    public static Dictionary<string, string> DebianWrapper(Dictionary<string, string> env, string[] args) =>
        With(env,
            ("PATH", "/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin"),
            ("PPP_IFACE", args[0]), ("PPP_TTY", args[1]), ("PPP_SPEED", args[2]),
            ("PPP_LOCAL", args[3]), ("PPP_REMOTE", args[4]), ("PPP_IPPARAM", args[5]), ("PPP_TTYNAME", ""));

    /// <summary>A copy with variables set, or removed where the value is null.</summary>
    public static Dictionary<string, string> With(Dictionary<string, string> env, params (string Key, string? Value)[] changes)
    {
        var copy = new Dictionary<string, string>(env, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
                copy.Remove(key);
            else
                copy[key] = value;
        }
        return copy;
    }

    private static Dictionary<string, string> Link(string device, string? vpnns)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DEVICE"] = "",
            ["SPEED"] = "0",
            ["ORIG_UID"] = "0",
            ["PPPLOGNAME"] = "root",
            ["PPPD_PID"] = "4242",
            ["CALL_FILE"] = "work",
            ["PEERNAME"] = "alice",
            ["IFNAME"] = device,
            ["UNIT"] = device.StartsWith("ppp", StringComparison.Ordinal) ? device[3..] : "0",
        };
        if (vpnns is not null)
            env["VPNNS"] = vpnns;
        return env;
    }
}
