namespace Vpnns.Vpn;

/// <summary>Kernel interface name rules (dev_valid_name): 1–15 bytes, no '/', ':' or whitespace, not "." or "..".</summary>
public static class DeviceName
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
