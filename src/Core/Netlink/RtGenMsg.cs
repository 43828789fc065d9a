using System.Runtime.InteropServices;

namespace Vpnns.Netlink;

/// <summary>struct rtgenmsg (1 byte), the fixed header of namespace id messages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RtGenMsg
{
    public byte Family;
}
