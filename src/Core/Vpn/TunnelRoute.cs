using System.Net;

namespace Vpnns.Vpn;

/// <summary>A route the VPN asked for: destination, optional gateway, optional metric.</summary>
public sealed record TunnelRoute(IPNetwork Destination, IPAddress? Gateway = null, uint? Metric = null);
