using System.Collections.Immutable;
using System.Net;
using Vpnns.Dns;
using Vpnns.Namespaces;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

public class TunnelPlannerTests
{
    private static readonly NamespaceName Corp = NamespaceName.Parse("corp");

    private static IPNetwork Net(string text) => IPNetwork.Parse(text);

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    private static ImmutableArray<PlanStep> PlanFor(string fixture, params (string, string?)[] changes)
    {
        var env = OpenVpnEnv.Fixture(fixture, changes);
        var e = OpenVpnEventReader.Read(HookPhase.Up, OpenVpnEnv.Args(env), env);
        return TunnelPlanner.ForUp(e.Tunnel!, e.Name);
    }

    [Fact]
    public void Tun_subnet_plan()
    {
        PlanStep[] expected =
        [
            new EnsureNamespace(Corp),
            new SetLinkUp("lo"),
            new MoveLink("tun0", Corp),
            new SetMtu("tun0", 1500),
            new SetLinkUp("tun0"),
            new AddAddress("tun0", new InterfaceAddress(Ip("10.8.0.2"), 24)),
            new AddAddress("tun0", new InterfaceAddress(Ip("fd00:8::1000"), 64)),
            new AddRoute(Net("10.9.0.0/16"), null, "tun0"),
            new AddRoute(Net("198.51.100.0/24"), null, "tun0", 7),
            new AddRoute(Net("2001:db8:1::/48"), null, "tun0"),
            new AddRoute(Net("0.0.0.0/0"), null, "tun0"),
            new AddRoute(Net("::/0"), null, "tun0"),
            new WriteResolvConf(Corp, new DnsSettings([Ip("10.8.0.1")], ["corp.example"])),
            new RecordState(Corp, "tun0"),
            new VerifyNamespace(Corp),
        ];
        Assert.Equal(expected, PlanFor("tun-subnet"));
    }

    [Fact]
    public void Net30_plan_uses_a_peer_address_and_device_routes()
    {
        var net30 = NamespaceName.Parse("net30");
        PlanStep[] expected =
        [
            new EnsureNamespace(net30),
            new SetLinkUp("lo"),
            new MoveLink("tun1", net30),
            new SetMtu("tun1", 1400),
            new SetLinkUp("tun1"),
            new AddAddress("tun1", new InterfaceAddress(Ip("10.8.0.6"), 32, Ip("10.8.0.5"))),
            new AddRoute(Net("10.8.0.1/32"), null, "tun1"),
            new AddRoute(Net("0.0.0.0/0"), null, "tun1"),
            new RecordState(net30, "tun1"),
            new VerifyNamespace(net30),
        ];
        Assert.Equal(expected, PlanFor("tun-net30"));
    }

    [Fact]
    public void Tap_routes_go_via_the_gateway()
    {
        var plan = PlanFor("tap");
        Assert.Contains(new AddRoute(Net("172.16.5.0/24"), Ip("10.9.0.1"), "tap0", 3), plan);
        Assert.Contains(new AddRoute(Net("0.0.0.0/0"), Ip("10.9.0.1"), "tap0"), plan);
    }

    [Fact]
    public void Tap_routes_with_an_off_link_gateway_are_skipped()
    {
        var env = OpenVpnEnv.Fixture("tap", ("route_gateway_1", "192.0.2.1"));
        var e = OpenVpnEventReader.Read(HookPhase.Up, [], env);
        var notes = new ParseNotes();
        var plan = TunnelPlanner.ForUp(e.Tunnel!, e.Name, notes);
        Assert.DoesNotContain(plan, s => s is AddRoute r && r.Destination == Net("172.16.5.0/24"));
        Assert.Contains("route 172.16.5.0/24 via 192.0.2.1 skipped: the gateway is not on tap0's network", notes.Lines);
    }

    [Fact]
    public void Without_IPv4_there_is_no_IPv4_default_route()
    {
        var plan = PlanFor("ipv6-only");
        Assert.DoesNotContain(plan, s => s is AddRoute r && r.Destination == Net("0.0.0.0/0"));
        Assert.Contains(new AddRoute(Net("::/0"), null, "tun3"), plan);
        Assert.Contains(new AddRoute(Net("2001:db8:2::/48"), null, "tun3", 9), plan);
    }

    [Fact]
    public void A_pushed_default_route_is_not_added_twice()
    {
        var plan = PlanFor("tun-net30", ("route_network_1", "0.0.0.0"), ("route_netmask_1", "0.0.0.0"));
        Assert.Single(plan, s => s is AddRoute r && r.Destination == Net("0.0.0.0/0"));
    }

    [Fact]
    public void Duplicate_pushed_routes_collapse()
    {
        var plan = PlanFor("tun-net30", ("route_network_2", "10.8.0.1"), ("route_netmask_2", "255.255.255.255"));
        Assert.Single(plan, s => s is AddRoute r && r.Destination == Net("10.8.0.1/32"));
    }

    [Fact]
    public void Log_lines_read_like_ip_commands()
    {
        Assert.Equal("route add 0.0.0.0/0 dev tun0", new AddRoute(Net("0.0.0.0/0"), null, "tun0").Describe());
        Assert.Equal("route add 10.0.0.0/8 via 10.8.0.1 dev tap0 metric 5", new AddRoute(Net("10.0.0.0/8"), Ip("10.8.0.1"), "tap0", 5).Describe());
        Assert.Equal("address add 10.8.0.6 peer 10.8.0.5/32 dev tun1",
            new AddAddress("tun1", new InterfaceAddress(Ip("10.8.0.6"), 32, Ip("10.8.0.5"))).Describe());
        Assert.Equal("link set tun0 netns corp", new MoveLink("tun0", Corp).Describe());
    }

    [Fact]
    public void Down_keeps_everything_by_default() =>
        Assert.Empty(TunnelPlanner.ForDown(Corp, DownPolicy.Keep, isFinal: true, new TunnelState("tun0", true, true, true)));

    [Fact]
    public void Down_on_restart_never_deletes() =>
        Assert.Empty(TunnelPlanner.ForDown(Corp, DownPolicy.Delete, isFinal: false, new TunnelState("tun0", true, true, true)));

    [Fact]
    public void Down_delete_removes_only_what_the_hooks_created()
    {
        Assert.Equal<PlanStep>(
            [new DeleteNamespace(Corp), new RemoveResolvConf(Corp, RemoveDirectory: true), new ForgetState(Corp)],
            TunnelPlanner.ForDown(Corp, DownPolicy.Delete, isFinal: true, new TunnelState("tun0", false, true, true)));
        Assert.Equal<PlanStep>(
            [new DeleteNamespace(Corp), new ForgetState(Corp)],
            TunnelPlanner.ForDown(Corp, DownPolicy.Delete, isFinal: true, new TunnelState("tun0", true, false, false)));
        Assert.Equal<PlanStep>(
            [new DeleteNamespace(Corp), new ForgetState(Corp)],
            TunnelPlanner.ForDown(Corp, DownPolicy.Delete, isFinal: true, state: null));
    }
}
