using System.Text;

namespace Vpnns.Vpn;

/// <summary>
/// What put the tunnel into the namespace, for `vpnnsctl status`: the daemon, its configuration (OpenVPN's
/// config file, pppd's call file or peer), its pid, and when the up hook ran (Unix seconds).
/// </summary>
public sealed record TunnelOrigin(string Daemon, string Source, int? Pid, long UpSince)
{
    public const string OpenVpn = "openvpn";
    public const string Pppd = "pppd";
    private const int MaxSourceLength = 256;

    /// <summary>OpenVPN runs its scripts as direct children, so the parent is the daemon.</summary>
    public static TunnelOrigin FromOpenVpn(IReadOnlyDictionary<string, string> env, int parentPid, long now) =>
        new(OpenVpn, Clean(env.GetValueOrDefault("config")), parentPid > 1 ? parentPid : null, now);

    /// <summary>pppd names its pid; the source is the `call` file of a client, else the authenticated peer, else the device.</summary>
    public static TunnelOrigin FromPpp(IReadOnlyDictionary<string, string> env, int parentPid, long now)
    {
        string source = FirstNonEmpty(env, "CALL_FILE", "PEERNAME", "DEVICE");
        int? pid = env.TryGetValue("PPPD_PID", out var text) && int.TryParse(text, out int p) && p > 1 ? p
            : parentPid > 1 ? parentPid : null;
        return new TunnelOrigin(Pppd, Clean(source), pid, now);
    }

    /// <summary>Whether a value read back from a state file is one this type could have written.</summary>
    public static bool IsValidDaemon(string value) => value is OpenVpn or Pppd;

    /// <summary>
    /// One printable line of bounded length: the value comes from the daemon's environment and ends up in a
    /// line-based state file and on admins' terminals.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var clean = new StringBuilder(Math.Min(value.Length, MaxSourceLength));
        foreach (char c in value)
        {
            if (clean.Length == MaxSourceLength)
                break;
            clean.Append(char.IsControl(c) ? '?' : c);
        }
        return clean.ToString();
    }

    private static string FirstNonEmpty(IReadOnlyDictionary<string, string> env, params string[] keys)
    {
        foreach (string key in keys)
        {
            if (env.TryGetValue(key, out var value) && value.Length > 0)
                return value;
        }
        return "";
    }
}
