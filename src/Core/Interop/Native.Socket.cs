using System.Runtime.InteropServices;

namespace Vpnns.Interop;

// Socket calls for netlink. Own imports rather than Tmds.LibC so the fd travels as a FileDescriptor
// (kept alive by the marshaller for the duration of the call) and sockaddr_nl is typed.
internal static unsafe partial class Native
{
    internal const int AF_NETLINK = 16;
    internal const int SOCK_RAW = 3;
    internal const int SOCK_CLOEXEC = 0x80000;
    internal const int SOL_SOCKET = 1;
    internal const int SO_SNDBUF = 7;
    internal const int SO_RCVBUF = 8;
    internal const int MSG_TRUNC = 0x20;

    [LibraryImport(Libc, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Libc, EntryPoint = "bind", SetLastError = true)]
    internal static partial int Bind(FileDescriptor fd, SockAddrNl* address, uint length);

    [LibraryImport(Libc, EntryPoint = "getsockname", SetLastError = true)]
    internal static partial int GetSockName(FileDescriptor fd, SockAddrNl* address, uint* length);

    [LibraryImport(Libc, EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int SetSockOpt(FileDescriptor fd, int level, int name, int* value, uint length);

    [LibraryImport(Libc, EntryPoint = "sendto", SetLastError = true)]
    internal static partial nint SendTo(FileDescriptor fd, byte* buffer, nuint length, int flags,
        SockAddrNl* address, uint addressLength);

    [LibraryImport(Libc, EntryPoint = "recvfrom", SetLastError = true)]
    internal static partial nint RecvFrom(FileDescriptor fd, byte* buffer, nuint length, int flags,
        SockAddrNl* address, uint* addressLength);
}
