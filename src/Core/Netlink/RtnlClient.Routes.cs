using System.Net;
using System.Net.Sockets;
using Vpnns.Interop;

namespace Vpnns.Netlink;

public sealed partial class RtnlClient
{
    /// <summary>Adds a route; with <paramref name="replace"/> an existing route to the same destination is replaced (ip route replace).</summary>
    public void AddRoute(RouteSpec route, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(route);
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(RouteRequests.Add(buffer, route, replace));
        if (!status.IsSuccess)
            throw status.ToException(replace ? "cannot replace route" : "cannot add route", RouteLabel(route));
    }

    public void DeleteRoute(RouteSpec route)
    {
        ArgumentNullException.ThrowIfNull(route);
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(RouteRequests.Delete(buffer, route));
        if (!status.IsSuccess)
            throw status.ToException("cannot delete route", RouteLabel(route));
    }

    /// <summary>The routes of one family in one table (254 = main).</summary>
    public IReadOnlyList<RouteInfo> ListRoutes(AddressFamily family, uint table = RouteSpec.MainTable)
    {
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw VpnnsException.Invalid("cannot list routes of address family", family.ToString());
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        var routes = new List<RouteInfo>();
        NetlinkStatus status;
        lock (_lock)
            status = _socket.Dump(RouteRequests.Dump(buffer, family, table), RouteReplies.Parse, routes);
        // A table that was never used does not exist yet: the kernel answers ENOENT
        // ("FIB table does not exist"), which for a listing simply means no routes.
        if (status.Errno == Errno.ENOENT)
            return [];
        if (!status.IsSuccess)
            throw status.ToException("cannot list routes", $"table {table}");
        routes.RemoveAll(r => r.Table != table);
        return routes;
    }

    /// <summary>
    /// The route the kernel would use to send to <paramref name="destination"/> from this namespace (ip route get),
    /// or null when it has none: ENETUNREACH/EHOSTUNREACH, or an unreachable/blackhole/prohibit route.
    /// </summary>
    public RouteInfo? LookupRoute(IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw VpnnsException.Invalid("cannot look up a route to", destination.ToString());
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Get(RouteRequests.Get(buffer, destination), RouteReplies.Parse, out RouteInfo? route);
        if (status.Errno is Errno.ENETUNREACH or Errno.EHOSTUNREACH)
            return null;
        if (!status.IsSuccess)
            throw status.ToException("cannot look up route", destination.ToString());
        // IPv6 answers a missing route with an "unreachable" route on lo rather than an error.
        return route is { Type: RouteType.Unicast or RouteType.Local } ? route : null;
    }

    /// <summary>The routes of one family in every table (main, local, and any a policy rule may point to).</summary>
    public IReadOnlyList<RouteInfo> ListRoutesInAllTables(AddressFamily family)
    {
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw VpnnsException.Invalid("cannot list routes of address family", family.ToString());
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        // Table 0 (RT_TABLE_UNSPEC) in a strict dump means no table filter.
        return Dump(RouteRequests.Dump(buffer, family, 0), RouteReplies.Parse, "cannot list routes", "in every table");
    }

    private string RouteLabel(RouteSpec route) =>
        route.OutputIndex is int index
            ? route.ToString().Replace(" dev #" + index, " dev " + DeviceLabel(index), StringComparison.Ordinal)
            : route.ToString();
}
