using System.Net;
using System.Net.Sockets;

namespace Vpnns.Netlink;

/// <summary>A route as the kernel reports it (RTM_NEWROUTE).</summary>
/// <param name="Metric">RTA_PRIORITY; IPv6 routes always carry one (1024 by default), IPv4 only when set.</param>
public sealed record RouteInfo(AddressFamily Family, IPNetwork Destination, IPAddress? Gateway, int? OutputIndex,
    uint? Metric, uint Table, RouteScope Scope, RouteProtocol Protocol, RouteType Type)
{
    public IPAddress? PreferredSource { get; init; }

    /// <summary>RTM_F_* and RTNH_F_* flags from rtm_flags (e.g. RTNH_F_LINKDOWN 0x10).</summary>
    public uint Flags { get; init; }
}
