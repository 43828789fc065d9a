using System.Text;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>The kernel's rule for device names (dev_valid_name): 1–15 bytes, no '/', ':' or whitespace, not "." or "..".</summary>
internal static class DeviceName
{
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || name is "." or ".." || Encoding.UTF8.GetByteCount(name) >= IFNAMSIZ)
            return false;
        foreach (char c in name)
        {
            if (c is '/' or ':' or '\0' || char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }

    /// <summary>Throws VpnnsException for a name the kernel would reject, before anything is sent.</summary>
    public static string Check(string name) =>
        name is not null && IsValid(name) ? name : throw VpnnsException.Invalid("invalid device name", $"\"{name}\"");
}
