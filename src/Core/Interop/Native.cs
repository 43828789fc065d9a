using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>
/// Our own libc imports for what Tmds.LibC lacks or where we need a SafeHandle signature.
/// Split by concern into Native.*.cs partial files. Every import sets SetLastError.
/// </summary>
internal static partial class Native
{
    internal const string Libc = "libc";

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}
