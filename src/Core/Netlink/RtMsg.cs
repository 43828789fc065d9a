using System.Runtime.InteropServices;

namespace Vpnns.Netlink;

/// <summary>struct rtmsg (12 bytes), the fixed header of route messages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RtMsg
{
    public byte Family;
    public byte DestinationLength;
    public byte SourceLength;
    public byte Tos;
    public byte Table;
    public byte Protocol;
    public byte Scope;
    public byte Type;
    public uint Flags;
}
