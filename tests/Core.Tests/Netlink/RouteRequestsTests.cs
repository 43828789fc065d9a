using System.Net;
using System.Net.Sockets;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

// Rows of the captured-route table in reference.md 4.8; X has ifindex 5.
public class RouteRequestsTests
{
    private static RouteSpec Route(string destination, string? via = null, int? dev = null, uint? metric = null, uint table = 254) =>
        new(IPNetwork.Parse(destination), via is null ? null : IPAddress.Parse(via), dev, metric, table);

    [Fact]
    public void Ipv4_device_route_uses_scope_link()
    {
        // ip route add 10.8.0.0/24 dev X
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("10.8.0.0/24", dev: 5)));

        Assert.Equal(Hex.Parse("2c000000 1800 0506 01000000 00000000 | 02 18 00 00 fe 03 fd 01 00000000"
            + "| 08000100 0a080000 | 08000400 05000000"), bytes);
    }

    [Fact]
    public void Ipv4_default_route_via_gateway_sends_only_the_gateway()
    {
        // ip route add default via 10.8.0.5
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("0.0.0.0/0", via: "10.8.0.5")));

        Assert.Equal(Hex.Parse("24000000 1800 0506 01000000 00000000 | 02 00 00 00 fe 03 00 01 00000000"
            + "| 08000500 0a080005"), bytes);
    }

    [Fact]
    public void Gateway_route_with_metric_in_a_small_table_puts_the_table_in_the_header()
    {
        // ip route add 198.51.100.0/24 via 10.8.0.5 metric 7 table 100
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("198.51.100.0/24", via: "10.8.0.5", metric: 7, table: 100)));

        Assert.Equal(Hex.Parse("34000000 1800 0506 01000000 00000000 | 02 18 00 00 64 03 00 01 00000000"
            + "| 08000100 c6336400 | 08000500 0a080005 | 08000600 07000000"), bytes);
    }

    [Fact]
    public void Replace_default_route_on_a_device_uses_create_replace()
    {
        // ip route replace default dev X (flags 0x505)
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("0.0.0.0/0", dev: 5), replace: true));

        Assert.Equal(Hex.Parse("24000000 1800 0505 01000000 00000000 | 02 00 00 00 fe 03 fd 01 00000000"
            + "| 08000400 05000000"), bytes);
    }

    [Fact]
    public void Ipv6_device_route_keeps_scope_universe()
    {
        // ip -6 route add 2001:db8:1::/48 dev X
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("2001:db8:1::/48", dev: 5)));

        Assert.Equal(Hex.Parse("0a 30 00 00 fe 03 00 01 00000000 | 14000100 20010db8 00010000 00000000 00000000"
            + "| 08000400 05000000"), bytes[16..]);
    }

    [Fact]
    public void Ipv6_default_route_via_gateway_sends_destination_gateway_and_device()
    {
        // ip -6 route add default via fd00:8::1 dev X
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("::/0", via: "fd00:8::1", dev: 5)));

        Assert.Equal(Hex.Parse("0a 00 00 00 fe 03 00 01 00000000"
            + "| 14000100 00000000 00000000 00000000 00000000"
            + "| 14000500 fd000008 00000000 00000000 00000001 | 08000400 05000000"), bytes[16..]);
    }

    [Fact]
    public void Tables_above_255_travel_in_rta_table()
    {
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, Route("10.0.0.0/8", dev: 5, table: 1000)));

        Assert.Equal(Hex.Parse("02 08 00 00 00 03 fd 01 00000000 | 08000f00 e8030000 | 08000100 0a000000"), bytes[16..44]);
    }

    [Fact]
    public void Delete_matches_any_protocol_type_and_scope()
    {
        byte[] bytes = Requests.Build(b => RouteRequests.Delete(b, Route("10.8.0.0/24", dev: 5)));

        Assert.Equal(Hex.Parse("2c000000 1900 0500"), bytes[..8]);
        Assert.Equal(Hex.Parse("02 18 00 00 fe 00 ff 00 00000000"), bytes[16..28]);
    }

    [Fact]
    public void Dump_filters_by_family_and_table()
    {
        byte[] main = Requests.Build(b => RouteRequests.Dump(b, AddressFamily.InterNetworkV6, 254));
        byte[] big = Requests.Build(b => RouteRequests.Dump(b, AddressFamily.InterNetwork, 1000));

        Assert.Equal(Hex.Parse("1c000000 1a00 0103 01000000 00000000 | 0a 00 00 00 fe 00 00 00 00000000"), main);
        Assert.Equal(Hex.Parse("02 00 00 00 00 00 00 00 00000000 | 08000f00 e8030000"), big[16..]);
    }

    [Fact]
    public void Explicit_scope_and_protocol_override_the_defaults()
    {
        var route = Route("10.9.0.0/16", dev: 5) with { Scope = RouteScope.Host, Protocol = RouteProtocol.Static };
        byte[] bytes = Requests.Build(b => RouteRequests.Add(b, route));

        Assert.Equal(Hex.Parse("02 10 00 00 fe 04 fe 01"), bytes[16..24]);
    }

    [Fact]
    public void Gateway_of_another_family_is_rejected()
    {
        Assert.Throws<VpnnsException>(() => Requests.Build(b => RouteRequests.Add(b, Route("10.0.0.0/8", via: "fd00::1"))));
    }

    [Fact]
    public void Route_lookup_sends_a_full_length_destination_and_nothing_strict_checking_refuses()
    {
        // ip route get 10.8.0.1: no ack (the reply is the answer), table/protocol/scope/type left 0
        byte[] bytes = Requests.Build(b => RouteRequests.Get(b, IPAddress.Parse("10.8.0.1")));

        Assert.Equal(Hex.Parse("24000000 1a00 0100 01000000 00000000 | 02 20 00 00 00 00 00 00 00000000"
            + "| 08000100 0a080001"), bytes);
    }

    [Fact]
    public void Ipv6_route_lookup_uses_prefix_length_128()
    {
        byte[] bytes = Requests.Build(b => RouteRequests.Get(b, IPAddress.Parse("2001:db8::1")));

        Assert.Equal(Hex.Parse("30000000 1a00 0100 01000000 00000000 | 0a 80 00 00 00 00 00 00 00000000"
            + "| 14000100 20010db8 00000000 00000000 00000001"), bytes);
    }
}
