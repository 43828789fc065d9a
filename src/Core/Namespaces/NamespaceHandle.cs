using Vpnns.Interop;

namespace Vpnns.Namespaces;

/// <summary>An open, verified network namespace file: nsfs, of type network. Owns its descriptor.</summary>
public sealed class NamespaceHandle : IDisposable
{
    private NamespaceHandle(FileDescriptor fd, string path, FileStatus status)
    {
        Fd = fd;
        Path = path;
        Status = status;
    }

    public FileDescriptor Fd { get; }

    /// <summary>The path it was opened from, for messages.</summary>
    public string Path { get; }

    /// <summary>Device and inode: two handles name the same namespace iff both match.</summary>
    public FileStatus Status { get; }

    /// <summary>Opens <paramref name="path"/> and refuses anything that is not a network namespace.</summary>
    /// <remarks>A leftover placeholder (an unmounted empty file) is normal after crashes; it is reported, not used.</remarks>
    public static NamespaceHandle Open(string path, bool followSymlinks = true)
    {
        int flags = Native.O_RDONLY | (followSymlinks ? 0 : Native.O_NOFOLLOW);
        var fd = LibcCalls.Open(path, flags, operation: "cannot open network namespace");
        try
        {
            Verify(fd, path);
            return new NamespaceHandle(fd, path, LibcCalls.Stat(fd, path));
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>The namespace of the calling thread (not the process: threads may differ).</summary>
    public static NamespaceHandle OpenCurrentThread() => Open("/proc/thread-self/ns/net");

    private static void Verify(FileDescriptor fd, string path)
    {
        if (LibcCalls.FileSystemType(fd, path) != Native.NSFS_MAGIC)
            throw new VpnnsException("not a network namespace (no namespace mounted there)", path);
        int type = LibcCalls.NamespaceType(fd);
        if (type < 0)
            throw new VpnnsException("cannot query namespace type of", path, -type);
        if (type != Native.CLONE_NEWNET)
            throw new VpnnsException("not a network namespace", path);
    }

    public void Dispose() => Fd.Dispose();
}
