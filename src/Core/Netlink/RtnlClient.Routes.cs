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

    private string RouteLabel(RouteSpec route) =>
        route.OutputIndex is int index
            ? route.ToString().Replace(" dev #" + index, " dev " + DeviceLabel(index), StringComparison.Ordinal)
            : route.ToString();
}
