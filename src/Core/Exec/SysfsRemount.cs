using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Exec;

/// <summary>
/// A fresh /sys describing the namespace just entered (sysfs shows the devices of the network namespace of
/// whoever mounts it), as `ip netns exec` does (reference.md 3.7 step 4).
/// </summary>
public static class SysfsRemount
{
    /// <summary>Replaces /sys in the current (private) mount namespace; the mount source is the namespace name.</summary>
    public static void Apply(NamespaceName name)
    {
        ulong flags = Native.MS_NOSUID | Native.MS_NODEV | Native.MS_NOEXEC;
        if (LibcCalls.TryUnmount("/sys", Native.MNT_DETACH) != 0 && IsReadOnly("/sys"))
            flags |= Native.MS_RDONLY; // it stays underneath, and a read-only one must not be shadowed by a writable one
        int errno = LibcCalls.TryMount(name.Value, "/sys", "sysfs", flags);
        if (errno != 0)
            throw new VpnnsException("cannot mount sysfs on", "/sys", errno);
    }

    private static bool IsReadOnly(string path)
    {
        int errno = FileSystemCalls.TryOpenPath(null, path, out var fd);
        if (errno != 0)
            return false; // no /sys at all: the mount below reports it
        using (fd)
            return FileSystemCalls.IsReadOnlyMount(fd!, path);
    }
}
