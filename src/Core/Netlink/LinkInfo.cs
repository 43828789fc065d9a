namespace Vpnns.Netlink;

/// <summary>A network device as the kernel reports it (RTM_NEWLINK).</summary>
/// <param name="Flags">The raw IFF_* device flags.</param>
/// <param name="Kind">The rtnl link kind ("dummy", "veth", "tun"), null for devices without one (loopback, ppp).</param>
public sealed record LinkInfo(int Index, string Name, uint Flags, int Mtu, string? Kind, bool IsUp, bool IsPointToPoint)
{
    /// <summary>Tun or tap, for tun devices on kernels that report IFLA_TUN_TYPE.</summary>
    public TunMode? TunMode { get; init; }

    /// <summary>The RFC 2863 operational state (IFLA_OPERSTATE).</summary>
    public LinkOperState OperState { get; init; }

    /// <summary>Whether the device has no ARP (tun, ppp, dummy with NOARP).</summary>
    public bool IsNoArp { get; init; }

    /// <summary>Whether the carrier is up (IFF_LOWER_UP).</summary>
    public bool IsLowerUp { get; init; }

    /// <summary>The peer or parent device's index (IFLA_LINK), e.g. the other end of a veth pair.</summary>
    public int? ParentIndex { get; init; }

    /// <summary>The nsid, as seen from this namespace, of the namespace holding the parent (IFLA_LINK_NETNSID).</summary>
    public int? LinkNetnsId { get; init; }
}
