using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vpnns.Interop;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class RouteTests
{
    private static readonly IPNetwork DefaultV4 = IPNetwork.Parse("0.0.0.0/0");
    private static readonly IPNetwork DefaultV6 = IPNetwork.Parse("::/0");

    // A tun device that is up and has 10.8.0.2/24 and fd00:8::2/64, so gateways in those nets are reachable.
    private static (NetlinkNamespace Ns, string Tun, int Index) Tunnel()
    {
        var ns = new NetlinkNamespace();
        try
        {
            string tun = TestNames.Device();
            int index = ns.AddTun(tun);
            ns.Client.SetLinkUp(index, true);
            ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24);
            ns.Client.AddAddress(index, IPAddress.Parse("fd00:8::2"), 64);
            return (ns, tun, index);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private static JsonElement Shown(NetlinkNamespace ns, string family, string table, string dst) =>
        IpJson.Query(ns.Name, family, "route", "show", "table", table).Single(r => r.String("dst") == dst);

    [RootFact]
    public void Ipv4_device_route_is_scope_link_proto_boot()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;

        ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse("198.51.100.0/24"), OutputIndex: index));

        JsonElement route = Shown(ns, "-4", "main", "198.51.100.0/24");
        Assert.Equal((tun, "link"), (route.String("dev"), route.String("scope")));
        Assert.Null(route.String("protocol"));   // ip prints no protocol for boot, the default
        RouteInfo listed = ns.Client.ListRoutes(AddressFamily.InterNetwork).Single(r => r.Destination == IPNetwork.Parse("198.51.100.0/24"));
        Assert.Equal((RouteProtocol.Boot, RouteScope.Link, RouteType.Unicast, (int?)index), (listed.Protocol, listed.Scope, listed.Type, listed.OutputIndex));
    }

    [RootFact]
    public void Ipv4_gateway_route_with_metric()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;

        ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse("198.51.100.0/24"), IPAddress.Parse("10.8.0.1"), Metric: 7));

        JsonElement route = Shown(ns, "-4", "main", "198.51.100.0/24");
        Assert.Equal(("10.8.0.1", tun, 7), (route.String("gateway"), route.String("dev"), route.GetProperty("metric").GetInt32()));
        RouteInfo listed = ns.Client.ListRoutes(AddressFamily.InterNetwork).Single(r => r.Destination == IPNetwork.Parse("198.51.100.0/24"));
        Assert.Equal((IPAddress.Parse("10.8.0.1"), (int?)index, (uint?)7, RouteScope.Universe),
            (listed.Gateway, listed.OutputIndex, listed.Metric, listed.Scope));
    }

    [RootFact]
    public void Default_routes_for_both_families()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;

        ns.Client.AddRoute(new RouteSpec(DefaultV4, OutputIndex: index));
        ns.Client.AddRoute(new RouteSpec(DefaultV6, IPAddress.Parse("fd00:8::1"), index));

        JsonElement v4 = Shown(ns, "-4", "main", "default");
        Assert.Equal((tun, "link"), (v4.String("dev"), v4.String("scope")));
        JsonElement v6 = Shown(ns, "-6", "main", "default");
        Assert.Equal(("fd00:8::1", tun), (v6.String("gateway"), v6.String("dev")));
        Assert.Contains(ns.Client.ListRoutes(AddressFamily.InterNetworkV6), r => r.Destination == DefaultV6 && r.Metric == 1024);
    }

    [RootFact]
    public void Replace_swaps_the_gateway_and_add_of_an_existing_route_fails()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;
        var first = new RouteSpec(DefaultV4, IPAddress.Parse("10.8.0.1"));

        ns.Client.AddRoute(first);
        var error = Assert.Throws<VpnnsException>(() => ns.Client.AddRoute(first with { Gateway = IPAddress.Parse("10.8.0.9") }));
        ns.Client.AddRoute(first with { Gateway = IPAddress.Parse("10.8.0.9") }, replace: true);

        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Equal("cannot add route", error.Operation);
        Assert.Equal("default via 10.8.0.9", error.Subject);
        Assert.Equal("10.8.0.9", Shown(ns, "-4", "main", "default").String("gateway"));
    }

    [RootFact]
    public void Delete_removes_the_route_and_a_second_delete_fails_with_esrch()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;
        var route = new RouteSpec(IPNetwork.Parse("2001:db8:1::/48"), OutputIndex: index);
        ns.Client.AddRoute(route);

        ns.Client.DeleteRoute(route);

        Assert.DoesNotContain(IpJson.Query(ns.Name, "-6", "route", "show"), r => r.String("dst") == "2001:db8:1::/48");
        var error = Assert.Throws<VpnnsException>(() => ns.Client.DeleteRoute(route));
        Assert.Equal(Errno.ESRCH, error.Errno);
        Assert.Equal($"cannot delete route 2001:db8:1::/48 dev {tun}", $"{error.Operation} {error.Subject}");
    }

    [RootFact]
    public void Routes_in_other_tables_small_and_large()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;

        ns.Client.AddRoute(new RouteSpec(DefaultV4, OutputIndex: index, Table: 100));
        ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse("203.0.113.0/24"), IPAddress.Parse("10.8.0.1"), Table: 1000));

        Assert.Equal(tun, Shown(ns, "-4", "100", "default").String("dev"));
        Assert.Equal("10.8.0.1", Shown(ns, "-4", "1000", "203.0.113.0/24").String("gateway"));
        Assert.Equal([DefaultV4], ns.Client.ListRoutes(AddressFamily.InterNetwork, 100).Select(r => r.Destination));
        Assert.Equal([1000u], ns.Client.ListRoutes(AddressFamily.InterNetwork, 1000).Select(r => r.Table));
        Assert.DoesNotContain(ns.Client.ListRoutes(AddressFamily.InterNetwork), r => r.Destination == DefaultV4);
        Assert.Empty(ns.Client.ListRoutes(AddressFamily.InterNetwork, 4242));   // never used: ENOENT means empty
    }

    [RootFact]
    public void Gateway_outside_any_connected_network_fails_with_enetunreach()
    {
        var (ns, _, _) = Tunnel();
        using var __ = ns;

        var error = Assert.Throws<VpnnsException>(() =>
            ns.Client.AddRoute(new RouteSpec(DefaultV4, IPAddress.Parse("192.0.2.1"))));

        Assert.Equal(Errno.ENETUNREACH, error.Errno);
    }

    [RootFact]
    public void Listing_300_routes_matches_ip_route()
    {
        var (ns, tun, index) = Tunnel();
        using var _ = ns;
        for (int i = 0; i < 300; i++)
            ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse($"172.{16 + i / 250}.{i % 250}.0/24"), OutputIndex: index, Metric: (uint)i));

        IReadOnlyList<RouteInfo> routes = ns.Client.ListRoutes(AddressFamily.InterNetwork);

        var expected = IpJson.Query(ns.Name, "-4", "route", "show", "table", "main")
            .Select(r => (r.String("dst"), r.TryGetProperty("metric", out var m) ? m.GetInt32() : 0)).Order();
        Assert.Equal(301, routes.Count);   // and the connected 10.8.0.0/24
        Assert.Equal(expected, routes.Select(r => ((string?)r.Destination.ToString(), (int)(r.Metric ?? 0))).Order());
    }
}
