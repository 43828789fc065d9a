namespace Vpnns.Vpn;

/// <summary>
/// Device names a VPN or pppd hands the hooks: the kernel's rule (1–15 bytes, not "." or "..") narrowed to
/// [A-Za-z0-9_.@+-], because these names are untrusted and end up in log lines and state files.
/// Netlink requests check the kernel's own rule separately (Netlink.DeviceName).
/// </summary>
public static class TunnelDeviceName
{
    public const int MaxLength = 15;

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name is "." or "..")
            return false;
        foreach (char c in name)
        {
            // Narrower than the kernel (which allows any non-space byte) so a name is always safe in a log line.
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '@' or '+'))
                return false;
        }
        return true;
    }
}
