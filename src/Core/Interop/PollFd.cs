using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>struct pollfd from poll.h (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int fd;
    public short events;
    public short revents;
}
