using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>struct sockaddr_nl from linux/netlink.h (12 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockAddrNl
{
    public ushort nl_family;
    public ushort nl_pad;
    public uint nl_pid;
    public uint nl_groups;
}
