using System.Runtime.InteropServices;

namespace Vpnns.Netlink;

/// <summary>struct ifinfomsg (16 bytes), the fixed header of link messages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IfInfoMsg
{
    public byte Family;
    public byte Pad;
    public ushort Type;
    public int Index;
    public uint Flags;
    public uint Change;
}
