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

    /// <summary>Bytes received and sent since the device was created (IFLA_STATS64); null when not reported.</summary>
    public LinkTraffic? Traffic { get; init; }
}

/// <summary>The byte counters of struct rtnl_link_stats64.</summary>
public readonly record struct LinkTraffic(ulong ReceivedBytes, ulong SentBytes)
{
    // struct rtnl_link_stats64 (linux/if_link.h): rx_packets, tx_packets, rx_bytes, tx_bytes, ... all __u64.
    private const int RxBytesOffset = 16;
    private const int TxBytesOffset = 24;

    /// <summary>Null when the attribute is too short to hold the byte counters (a truncated reply).</summary>
    public static LinkTraffic? Parse(ReadOnlySpan<byte> stats64) =>
        stats64.Length < TxBytesOffset + 8
            ? null
            : new LinkTraffic(BitConverter.ToUInt64(stats64[RxBytesOffset..]), BitConverter.ToUInt64(stats64[TxBytesOffset..]));
}
