using System.Runtime.InteropServices;

namespace Vpnns.Interop;

internal static partial class Native
{
    internal const uint S_IFREG = 0x8000;

    [LibraryImport(Libc, EntryPoint = "mknod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MkNod(string path, uint mode, ulong device);

    [LibraryImport(Libc, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MountWithData(string source, string target, string fsType, ulong flags, string data);

    [LibraryImport(Libc, EntryPoint = "symlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Symlink(string target, string linkPath);

    [LibraryImport(Libc, EntryPoint = "readlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial nint ReadLinkAt(SafeHandle dirFd, string path, byte* buffer, nuint size);
}
