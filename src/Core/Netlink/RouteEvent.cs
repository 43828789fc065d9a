namespace Vpnns.Netlink;

/// <summary>A route was added, replaced or removed.</summary>
public sealed record RouteEvent(RtnlEventKind Kind, RouteInfo Route) : RtnlEvent(Kind);
