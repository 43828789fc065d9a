using Vpnns.Interop;

namespace Vpnns.Namespaces;

public sealed partial class NamespaceStore
{
    /// <summary>iproute2's netns_add: prepare the run directory, make an exclusive placeholder, bind a namespace onto it.</summary>
    private NamespaceHandle Bind(string name, Func<int> mountNamespace, string source)
    {
        PrepareRunDirectory();
        string file = Paths.RunFile(name);
        int errno = LibcCalls.TryOpen(file, Native.O_RDONLY | Native.O_CREAT | Native.O_EXCL, out var placeholder, mode: 0);
        if (errno != 0)
            throw new VpnnsException("cannot create namespace file", NamespaceName.Quote(file), errno);
        placeholder!.Dispose();
        try
        {
            errno = mountNamespace();
            if (errno != 0)
                throw new VpnnsException("cannot bind", $"{source} -> {file}", errno);
            return NamespaceHandle.Open(file, followSymlinks: false);
        }
        catch
        {
            LibcCalls.TryUnmount(file, Native.MNT_DETACH);
            LibcCalls.TryUnlink(file);
            throw;
        }
    }

    /// <summary>
    /// Makes the run directory a shared mount point, so a namespace mounted there by one process is visible
    /// in every mount namespace that shares it (the host and `ip netns exec` children alike).
    /// </summary>
    private void PrepareRunDirectory()
    {
        string dir = Paths.RunDirectory;
        int errno = LibcCalls.TryMkdir(dir, 0x1ed /* 0755 */);
        if (errno != 0 && errno != Errno.EEXIST)
            throw new VpnnsException("cannot create directory", dir, errno);

        // Serialises concurrent first-time setup with other vpnns and iproute2 runs (iproute2 locks the same way).
        using var lockFd = LibcCalls.Open(dir, Native.O_RDONLY | Native.O_DIRECTORY);
        LibcCalls.Flock(lockFd, Native.LOCK_EX, dir);

        errno = LibcCalls.TryMount("", dir, "none", Native.MS_SHARED | Native.MS_REC);
        if (errno == Errno.EINVAL)
        {
            // Not a mount point yet: bind it onto itself, give it a fresh peer group, then share it.
            LibcCalls.Mount(dir, dir, "none", Native.MS_BIND | Native.MS_REC, "cannot bind-mount");
            LibcCalls.TryMount("", dir, "none", Native.MS_PRIVATE | Native.MS_REC);
            errno = LibcCalls.TryMount("", dir, "none", Native.MS_SHARED | Native.MS_REC);
        }
        if (errno != 0)
            throw new VpnnsException("cannot make shared", dir, errno);
    }
}
