using System.Runtime.InteropServices;

namespace Vpnns.Interop;

internal static partial class Native
{
    internal const ulong AT_SECURE = 23;

    [LibraryImport(Libc, EntryPoint = "getauxval")]
    internal static partial ulong GetAuxVal(ulong type);
}
