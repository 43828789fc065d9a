using System.Collections.Immutable;
using System.Net;
using Vpnns.Dns;

namespace Vpnns.Vpn;

/// <summary>
/// What a tunnel looks like once its peer has configured it, independent of the VPN software: the planner's input.
/// OpenVPN's environment and pppd's environment are both read into this.
/// </summary>
/// <param name="Device">kernel device name, validated (e.g. tun0, tap3, ppp0)</param>
/// <param name="Mtu">null: leave the device's MTU alone</param>
/// <param name="IPv4">null: no IPv4 on this tunnel, so no IPv4 default route either</param>
/// <param name="GatewayIPv4">the VPN's gateway; only used on Ethernet tunnels, where routes need one</param>
/// <param name="Dns">null: leave the namespace's resolv.conf alone</param>
/// <param name="RoutesIPv6ByDefault">false: IPv6 addresses but no IPv6 default route (pppd's link-local pair)</param>
public sealed record TunnelDescription(
    string Device,
    TunnelKind Kind,
    int? Mtu,
    InterfaceAddress? IPv4,
    InterfaceAddress? IPv6,
    ImmutableArray<TunnelRoute> Routes,
    IPAddress? GatewayIPv4 = null,
    IPAddress? GatewayIPv6 = null,
    DnsSettings? Dns = null,
    bool RoutesIPv6ByDefault = true)
{
    public bool Equals(TunnelDescription? other) =>
        other is not null && Device == other.Device && Kind == other.Kind && Mtu == other.Mtu
        && Equals(IPv4, other.IPv4) && Equals(IPv6, other.IPv6)
        && Routes.AsSpan().SequenceEqual(other.Routes.AsSpan())
        && Equals(GatewayIPv4, other.GatewayIPv4) && Equals(GatewayIPv6, other.GatewayIPv6) && Equals(Dns, other.Dns)
        && RoutesIPv6ByDefault == other.RoutesIPv6ByDefault;

    public override int GetHashCode() => HashCode.Combine(Device, Kind, Routes.Length);
}
