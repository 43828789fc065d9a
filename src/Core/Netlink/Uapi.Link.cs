namespace Vpnns.Netlink;

internal static partial class Uapi
{
    // linux/if_link.h
    public const ushort IFLA_ADDRESS = 1;
    public const ushort IFLA_IFNAME = 3;
    public const ushort IFLA_MTU = 4;
    public const ushort IFLA_LINK = 5;
    public const ushort IFLA_OPERSTATE = 16;
    public const ushort IFLA_LINKINFO = 18;
    public const ushort IFLA_STATS64 = 23;
    public const ushort IFLA_NET_NS_PID = 19;
    public const ushort IFLA_NET_NS_FD = 28;
    public const ushort IFLA_EXT_MASK = 29;
    public const ushort IFLA_LINK_NETNSID = 37;

    public const ushort IFLA_INFO_KIND = 1;
    public const ushort IFLA_INFO_DATA = 2;

    public const ushort IFLA_TUN_TYPE = 3;
    public const ushort IFLA_TUN_PERSIST = 6;

    // linux/veth.h
    public const ushort VETH_INFO_PEER = 1;

    // linux/if.h
    public const uint IFF_UP = 0x1;
    public const uint IFF_BROADCAST = 0x2;
    public const uint IFF_LOOPBACK = 0x8;
    public const uint IFF_POINTOPOINT = 0x10;
    public const uint IFF_RUNNING = 0x40;
    public const uint IFF_NOARP = 0x80;
    public const uint IFF_MULTICAST = 0x1000;
    public const uint IFF_LOWER_UP = 0x10000;

    // linux/if_tun.h, as reported in IFLA_TUN_TYPE
    public const byte IFF_TUN = 0x1;
    public const byte IFF_TAP = 0x2;

    public const int IFNAMSIZ = 16;
}
