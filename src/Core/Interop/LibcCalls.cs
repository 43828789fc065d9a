using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Vpnns.Interop;

/// <summary>Checked wrappers over libc: each throws <see cref="VpnnsException"/> naming the operation and path.</summary>
public static unsafe class LibcCalls
{
    /// <summary>Opens a file close-on-exec; <paramref name="flags"/> are O_* bits besides O_CLOEXEC.</summary>
    public static FileDescriptor Open(string path, int flags, uint mode = 0, string operation = "cannot open")
    {
        int fd = Native.Open(path, flags | Native.O_CLOEXEC, mode);
        if (fd < 0)
            throw new VpnnsException(operation, path, Errno.Last());
        return new FileDescriptor(fd);
    }

    /// <summary>Like <see cref="Open"/> but returns the errno instead of throwing.</summary>
    public static int TryOpen(string path, int flags, out FileDescriptor? fd, uint mode = 0) => TryOpenAt(null, path, flags, out fd, mode);

    /// <summary>openat(2) relative to <paramref name="dir"/> (or open(2) when null), close-on-exec; returns the errno.</summary>
    public static int TryOpenAt(SafeHandle? dir, string name, int flags, out FileDescriptor? fd, uint mode = 0)
    {
        flags |= Native.O_CLOEXEC;
        int n = dir is null ? Native.Open(name, flags, mode) : Native.OpenAt(dir, name, flags, mode);
        if (n < 0)
        {
            fd = null;
            return Errno.Last();
        }
        fd = new FileDescriptor(n);
        return 0;
    }

    public static FileDescriptor OpenAt(SafeHandle dir, string name, int flags, string displayPath, uint mode = 0)
    {
        int fd = Native.OpenAt(dir, name, flags | Native.O_CLOEXEC, mode);
        if (fd < 0)
            throw new VpnnsException("cannot open", displayPath, Errno.Last());
        return new FileDescriptor(fd);
    }

    public static FileStatus Stat(SafeHandle fd, string displayPath)
    {
        stat st;
        bool added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            if (LibC.fstat((int)fd.DangerousGetHandle(), &st) != 0)
                throw new VpnnsException("cannot stat", displayPath, Errno.Last());
        }
        finally
        {
            if (added) fd.DangerousRelease();
        }
        return ToStatus(st);
    }

    /// <summary>stat(2) or lstat(2) by path; returns the errno (0 on success).</summary>
    public static int TryStat(string path, bool followSymlinks, out FileStatus status)
    {
        stat st;
        byte[] bytes = NulTerminated(path);
        int rc;
        fixed (byte* p = bytes)
            rc = followSymlinks ? LibC.stat(p, &st) : LibC.lstat(p, &st);
        if (rc != 0)
        {
            int errno = Errno.Last();
            status = default;
            return errno;
        }
        status = ToStatus(st);
        return 0;
    }

    public static long FileSystemType(SafeHandle fd, string displayPath)
    {
        Native.StatFs buf;
        if (Native.FStatFs(fd, &buf) != 0)
            throw new VpnnsException("cannot statfs", displayPath, Errno.Last());
        return buf.f_type;
    }

    /// <summary>NS_GET_NSTYPE; returns -errno when the fd is not a namespace (ENOTTY for plain files).</summary>
    public static int NamespaceType(SafeHandle fd)
    {
        int type = Native.Ioctl(fd, Native.NS_GET_NSTYPE);
        return type >= 0 ? type : -Errno.Last();
    }

    public static void Flock(SafeHandle fd, int operation, string displayPath)
    {
        while (Native.Flock(fd, operation) != 0)
        {
            int errno = Errno.Last();
            if (errno != Errno.EINTR)
                throw new VpnnsException("cannot lock", displayPath, errno);
        }
    }

    public static void SetNetworkNamespace(SafeHandle fd, string displayPath)
    {
        if (Native.SetNs(fd, Native.CLONE_NEWNET) != 0)
            throw new VpnnsException("cannot enter network namespace", displayPath, Errno.Last());
    }

    public static void Unshare(int flags, string what)
    {
        if (Native.Unshare(flags) != 0)
            throw new VpnnsException("cannot unshare", what, Errno.Last());
    }

    /// <summary>mount(2); returns the errno (0 on success) so callers can branch on EINVAL like iproute2 does.</summary>
    public static int TryMount(string? source, string target, string? fsType, ulong flags)
        => Native.Mount(source, target, fsType, flags, 0) == 0 ? 0 : Errno.Last();

    public static void Mount(string? source, string target, string? fsType, ulong flags, string operation)
    {
        int errno = TryMount(source, target, fsType, flags);
        if (errno != 0)
            throw new VpnnsException(operation, source is null ? target : $"{source} -> {target}", errno);
    }

    public static int TryUnmount(string target, int flags) => Native.Umount2(target, flags) == 0 ? 0 : Errno.Last();

    public static int ParentProcessId() => Native.GetParentProcessId();

    public static int TryMkdir(string path, uint mode) => Native.Mkdir(path, mode) == 0 ? 0 : Errno.Last();

    public static int TryUnlink(string path) => Native.Unlink(path) == 0 ? 0 : Errno.Last();

    public static int TryRmdir(string path) => Native.Rmdir(path) == 0 ? 0 : Errno.Last();

    private static FileStatus ToStatus(in stat st) =>
        new((ulong)st.st_dev, (ulong)st.st_ino, (uint)st.st_mode, (uint)st.st_uid, (uint)st.st_gid, (long)st.st_size);

    private static byte[] NulTerminated(string s)
    {
        int n = System.Text.Encoding.UTF8.GetByteCount(s);
        var bytes = new byte[n + 1];
        System.Text.Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }
}
