using System.Net;
using System.Net.Sockets;

namespace Vpnns.Netlink;

/// <summary>A route to add or delete. Table 254 is "main"; tables above 255 travel in RTA_TABLE.</summary>
public sealed record RouteSpec(IPNetwork Destination, IPAddress? Gateway = null, int? OutputIndex = null,
    uint? Metric = null, uint Table = RouteSpec.MainTable)
{
    /// <summary>RT_TABLE_MAIN, the table `ip route` uses by default.</summary>
    public const uint MainTable = 254;

    /// <summary>Null picks what iproute2 picks: link for IPv4 device routes without a gateway, universe otherwise.</summary>
    public RouteScope? Scope { get; init; }

    public RouteProtocol Protocol { get; init; } = RouteProtocol.Boot;

    public RouteType Type { get; init; } = RouteType.Unicast;

    /// <summary>The source address to prefer for traffic using this route (RTA_PREFSRC).</summary>
    public IPAddress? PreferredSource { get; init; }

    public AddressFamily Family => Destination.BaseAddress.AddressFamily;

    /// <summary>The scope that will be sent: Scope, or iproute2's choice when it is null.</summary>
    public RouteScope EffectiveScope =>
        Scope ?? (Family == AddressFamily.InterNetwork && Gateway is null && Type == RouteType.Unicast
            ? RouteScope.Link
            : RouteScope.Universe);

    /// <summary>The route in `ip route` words, for logs and error messages.</summary>
    public override string ToString()
    {
        string text = Destination.PrefixLength == 0 ? "default" : Destination.ToString();
        if (Gateway is not null)
            text += " via " + Gateway;
        if (OutputIndex is int index)
            text += " dev #" + index;
        if (Metric is uint metric)
            text += " metric " + metric;
        return Table == MainTable ? text : text + " table " + Table;
    }
}
