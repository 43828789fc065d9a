namespace Vpnns.Netlink;

internal static partial class Uapi
{
    // linux/rtnetlink.h message types
    public const ushort RTM_NEWLINK = 16;
    public const ushort RTM_DELLINK = 17;
    public const ushort RTM_GETLINK = 18;
    public const ushort RTM_SETLINK = 19;
    public const ushort RTM_NEWADDR = 20;
    public const ushort RTM_DELADDR = 21;
    public const ushort RTM_GETADDR = 22;
    public const ushort RTM_NEWROUTE = 24;
    public const ushort RTM_DELROUTE = 25;
    public const ushort RTM_GETROUTE = 26;
    public const ushort RTM_NEWNSID = 88;
    public const ushort RTM_DELNSID = 89;
    public const ushort RTM_GETNSID = 90;

    public const uint RTEXT_FILTER_SKIP_STATS = 1 << 3;

    // linux/socket.h
    public const byte AF_UNSPEC = 0;
    public const byte AF_INET = 2;
    public const byte AF_INET6 = 10;
}
