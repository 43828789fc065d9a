using System.Runtime.InteropServices;

namespace Vpnns.Interop;

internal static partial class Native
{
    internal const int SIGPIPE = 13;
    internal const int SIG_SETMASK = 2;
    internal const nint SIG_DFL = 0;
    internal const nint SIG_IGN = 1;

    [LibraryImport(Libc, EntryPoint = "sigaction", SetLastError = true)]
    internal static unsafe partial int SigAction(int signal, SigActionData* action, SigActionData* old);

    [LibraryImport(Libc, EntryPoint = "pthread_sigmask")]
    internal static unsafe partial int PthreadSigMask(int how, SigSet* set, SigSet* old);

    /// <summary>glibc's sigset_t: 1024 bits.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 128)]
    internal struct SigSet
    {
        public ulong First;
    }

    /// <summary>glibc's struct sigaction on x86_64 (152 bytes): handler, mask, flags, restorer.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 152)]
    internal struct SigActionData
    {
        [FieldOffset(0)] public nint Handler;
        [FieldOffset(136)] public int Flags;
    }
}
