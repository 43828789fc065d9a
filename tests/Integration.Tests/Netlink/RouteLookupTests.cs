using System.Net;
using System.Net.Sockets;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

// RTM_GETROUTE answers as `ip route get` does, with iproute2 as the oracle.
public class RouteLookupTests
{
    [RootFact]
    public void Lookup_finds_the_device_and_gateway_the_kernel_would_use()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        ns.Client.SetLinkUp(index, true);
        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24);
        ns.Client.AddAddress(index, IPAddress.Parse("fd00:8::2"), 64);
        ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse("0.0.0.0/0"), IPAddress.Parse("10.8.0.1")));
        ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse("::/0"), OutputIndex: index));

        var v4 = ns.Client.LookupRoute(IPAddress.Parse("192.0.2.53"))!;
        Assert.Equal((RouteType.Unicast, (int?)index, "10.8.0.1"), (v4.Type, v4.OutputIndex, v4.Gateway?.ToString()));
        Assert.Contains($"192.0.2.53 via 10.8.0.1 dev {tun}", ns.Ip("route", "get", "192.0.2.53"));

        var onLink = ns.Client.LookupRoute(IPAddress.Parse("10.8.0.1"))!;
        Assert.Equal((index, (IPAddress?)null), (onLink.OutputIndex!.Value, onLink.Gateway));

        var v6 = ns.Client.LookupRoute(IPAddress.Parse("2001:db8::53"))!;
        Assert.Equal((RouteType.Unicast, (int?)index), (v6.Type, v6.OutputIndex));
    }

    [RootFact]
    public void Lookup_without_a_route_is_null_for_both_families()
    {
        using var ns = new NetlinkNamespace();
        ns.Ip("link", "set", "lo", "up");
        Assert.Null(ns.Client.LookupRoute(IPAddress.Parse("192.0.2.53")));
        Assert.Null(ns.Client.LookupRoute(IPAddress.Parse("2001:db8::53")));
        Assert.NotEqual(0, ChildProcess.Run("ip", "-n", ns.Name, "route", "get", "192.0.2.53").ExitCode);
    }

    [RootFact]
    public void Loopback_resolves_to_a_local_route_on_lo()
    {
        using var ns = new NetlinkNamespace();
        ns.Ip("link", "set", "lo", "up");
        var route = ns.Client.LookupRoute(IPAddress.Parse("127.0.0.53"))!;
        Assert.Equal((RouteType.Local, (int?)ns.IndexOf("lo")), (route.Type, route.OutputIndex));
    }

    [RootFact]
    public void Every_table_listing_includes_routes_outside_main()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        ns.Client.SetLinkUp(index, true);
        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24);
        ns.Client.AddRoute(new RouteSpec(IPNetwork.Parse("0.0.0.0/0"), OutputIndex: index, Table: 100));
        var all = ns.Client.ListRoutesInAllTables(AddressFamily.InterNetwork);
        Assert.Contains(all, r => r.Table == 100 && r.Destination.PrefixLength == 0 && r.OutputIndex == index);
        Assert.Contains(all, r => r.Table == 255 && r.Type == RouteType.Local); // 10.8.0.2 in the local table
        Assert.DoesNotContain(ns.Client.ListRoutes(AddressFamily.InterNetwork), r => r.Table == 100);
    }

    [RootFact]
    public void Rules_are_the_defaults_in_a_new_namespace_and_an_added_one_is_listed_as_ip_rule_shows_it()
    {
        using var ns = new NetlinkNamespace();
        Assert.All(ns.Client.ListRules(AddressFamily.InterNetwork), r => Assert.True(r.IsDefault, r.ToString()));
        Assert.All(ns.Client.ListRules(AddressFamily.InterNetworkV6), r => Assert.True(r.IsDefault, r.ToString()));
        Assert.Equal(["0: from all lookup local", "32766: from all lookup main", "32767: from all lookup default"],
            ns.Client.ListRules(AddressFamily.InterNetwork).Select(r => r.ToString()));

        ns.Ip("rule", "add", "priority", "100", "from", "10.0.0.0/8", "fwmark", "0x7", "lookup", "100");
        ns.Ip("-6", "rule", "add", "priority", "200", "unreachable");
        var added = ns.Client.ListRules(AddressFamily.InterNetwork).Single(r => !r.IsDefault);
        Assert.Equal("100: from 10.0.0.0/8 fwmark 0x7 lookup 100", added.ToString());
        Assert.Contains("100:\tfrom 10.0.0.0/8 fwmark 0x7 lookup 100", ns.Ip("rule", "show"));
        Assert.Equal("200: from all unreachable", ns.Client.ListRules(AddressFamily.InterNetworkV6).Single(r => !r.IsDefault).ToString());
    }
}
