using System.Runtime.InteropServices;

namespace Vpnns.Interop;

internal static partial class Native
{
    internal const int CLONE_FS = 0x200;
    internal const int CLONE_NEWNS = 0x20000;
    internal const int CLONE_NEWNET = 0x40000000;

    internal const uint NSFS_MAGIC = 0x6e736673;
    internal const uint SYSFS_MAGIC = 0x62656572;
    internal const ulong NS_GET_NSTYPE = 0xb703;

    internal const ulong MS_RDONLY = 0x1;
    internal const ulong MS_NOSUID = 0x2;
    internal const ulong MS_NODEV = 0x4;
    internal const ulong MS_NOEXEC = 0x8;
    internal const ulong MS_REMOUNT = 0x20;
    internal const ulong MS_BIND = 0x1000;
    internal const ulong MS_REC = 0x4000;
    internal const ulong MS_PRIVATE = 0x40000;
    internal const ulong MS_SLAVE = 0x80000;
    internal const ulong MS_SHARED = 0x100000;
    internal const int MNT_DETACH = 0x2;

    [LibraryImport(Libc, EntryPoint = "setns", SetLastError = true)]
    internal static partial int SetNs(SafeHandle fd, int nstype);

    [LibraryImport(Libc, EntryPoint = "unshare", SetLastError = true)]
    internal static partial int Unshare(int flags);

    [LibraryImport(Libc, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Mount(string? source, string target, string? fsType, ulong flags, nint data);

    [LibraryImport(Libc, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Umount2(string target, int flags);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(SafeHandle fd, ulong request);

    [LibraryImport(Libc, EntryPoint = "fstatfs", SetLastError = true)]
    internal static unsafe partial int FStatFs(SafeHandle fd, StatFs* buf);

    /// <summary>struct statfs on x86_64/glibc (120 bytes); we read only f_type.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 120)]
    internal struct StatFs
    {
        public long f_type;
    }
}
