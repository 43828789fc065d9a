using System.Runtime.InteropServices;

namespace Vpnns.Interop;

// Process image, raw I/O and descriptor-table calls used by the launcher.
internal static partial class Native
{
    internal const int F_GETFD = 1;
    internal const int FD_CLOEXEC = 1;

    [LibraryImport(Libc, EntryPoint = "execve", SetLastError = true)]
    internal static unsafe partial int Execve(byte* path, byte** argv, byte** envp);

    // read(2) is declared once, in Native.Inotify.cs.

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "getdents64", SetLastError = true)]
    internal static unsafe partial nint GetDents64(SafeHandle fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Libc, EntryPoint = "fstatat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int FStatAt(SafeHandle dirFd, string path, Tmds.Linux.stat* buffer, int flags);

    [LibraryImport(Libc, EntryPoint = "fstatvfs", SetLastError = true)]
    internal static unsafe partial int FStatVfs(SafeHandle fd, StatVfs* buffer);

    internal const ulong ST_RDONLY = 1;

    /// <summary>struct statvfs on x86_64/glibc (112 bytes); f_flag is at offset 72.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 112)]
    internal struct StatVfs
    {
        [FieldOffset(72)] public ulong f_flag;
    }
}
