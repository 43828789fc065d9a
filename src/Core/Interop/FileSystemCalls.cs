using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>Descriptor-relative file system calls, so a check and its use are about the same object.</summary>
public static unsafe class FileSystemCalls
{
    /// <summary>
    /// Opens <paramref name="name"/> (one component) in <paramref name="dir"/> as O_PATH|O_NOFOLLOW: a symlink is
    /// opened as itself, never followed, and nothing is read or triggered (FIFOs, devices) by opening it.
    /// Returns the errno, 0 on success.
    /// </summary>
    public static int TryOpenPath(SafeHandle? dir, string name, out FileDescriptor? fd) =>
        LibcCalls.TryOpenAt(dir, name, Native.O_PATH | Native.O_NOFOLLOW, out fd);

    /// <summary>Opens a directory for listing, refusing symlinks: O_RDONLY|O_DIRECTORY|O_NOFOLLOW.</summary>
    public static FileDescriptor OpenDirectory(SafeHandle? dir, string name, string displayPath)
    {
        int errno = LibcCalls.TryOpenAt(dir, name, Native.O_RDONLY | Native.O_DIRECTORY | Native.O_NOFOLLOW, out var fd);
        return errno == 0 ? fd! : throw new VpnnsException("cannot open directory", displayPath, errno);
    }

    /// <summary>True when the file system holding <paramref name="fd"/> is mounted read-only.</summary>
    public static bool IsReadOnlyMount(SafeHandle fd, string displayPath)
    {
        Native.StatVfs buffer;
        if (Native.FStatVfs(fd, &buffer) != 0)
            throw new VpnnsException("cannot statvfs", displayPath, Errno.Last());
        return (buffer.f_flag & Native.ST_RDONLY) != 0;
    }

    /// <summary>The path through which the kernel reaches exactly the object behind <paramref name="fd"/>.</summary>
    public static string MagicLink(FileDescriptor fd) => "/proc/self/fd/" + fd.DangerousNumber;
}
