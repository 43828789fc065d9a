using System.Runtime.InteropServices;

namespace Vpnns.Netlink;

/// <summary>struct ifaddrmsg (8 bytes), the fixed header of address messages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IfAddrMsg
{
    public byte Family;
    public byte PrefixLength;
    public byte Flags;
    public byte Scope;
    public int Index;
}
