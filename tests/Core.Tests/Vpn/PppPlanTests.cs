using System.Net;
using Vpnns.Dns;
using Vpnns.Namespaces;
using Vpnns.Vpn;
using Xunit;
using static Vpnns.Tests.PppEnvironment;

namespace Vpnns.Tests.Vpn;

/// <summary>The plans the pppd hooks apply, as values: the same planner and steps as OpenVPN's.</summary>
public class PppPlanTests
{
    private static readonly NamespaceName Work = NamespaceName.Parse("work");
    private static readonly TunnelState Recorded = new("ppp0", CreatedNamespace: true, CreatedEtcDirectory: true, CreatedResolvConf: true);

    private static PlanStep[] Plan(PppScript script, Dictionary<string, string> env, TunnelState? state = null) =>
        [.. PppHook.Plan(PppEventReader.Read(script, [], env)!, state)];

    [Fact]
    public void Ip_up_moves_the_link_and_routes_everything_through_the_peer()
    {
        PlanStep[] expected =
        [
            new EnsureNamespace(Work),
            new SetLinkUp("lo"),
            new MoveLink("ppp0", Work),
            new SetLinkUp("ppp0"),
            new AddAddress("ppp0", new InterfaceAddress(IPAddress.Parse(Local), 32, IPAddress.Parse(Remote))),
            new AddRoute(IPNetwork.Parse("0.0.0.0/0"), null, "ppp0"),
            new WriteResolvConf(Work, new DnsSettings([IPAddress.Parse(Dns1), IPAddress.Parse(Dns2)], [])),
            new RecordState(Work, "ppp0"),
            new VerifyNamespace(Work),
        ];
        Assert.Equal(expected, Plan(PppScript.IpUp, IpUp("ppp0", "work")));
    }

    [Fact]
    public void Ipv6_up_adds_the_link_local_pair_without_a_default_route()
    {
        PlanStep[] expected =
        [
            new EnsureNamespace(Work),
            new SetLinkUp("lo"),
            new MoveLink("ppp0", Work),
            new SetLinkUp("ppp0"),
            new AddAddress("ppp0", new InterfaceAddress(IPAddress.Parse(LinkLocal), 128, IPAddress.Parse(LinkRemote))),
            new RecordState(Work, "ppp0"),
            new VerifyNamespace(Work),
        ];
        Assert.Equal(expected, Plan(PppScript.Ipv6Up, Ipv6Up("ppp0", "work")));
    }

    [Fact]
    public void Ipv6_up_with_VPNNS_IPV6_DEFAULT_routes_IPv6_through_the_link()
    {
        var plan = Plan(PppScript.Ipv6Up, With(Ipv6Up("ppp0", "work"), ("VPNNS_IPV6_DEFAULT", "1")));
        Assert.Contains(new AddRoute(IPNetwork.Parse("::/0"), null, "ppp0"), plan);
        Assert.DoesNotContain(plan, s => s is AddRoute { Destination.BaseAddress.AddressFamily: System.Net.Sockets.AddressFamily.InterNetwork });
    }

    [Fact]
    public void Ip_down_keeps_everything_by_default() =>
        Assert.Empty(Plan(PppScript.IpDown, IpDown("ppp0", "work"), Recorded));

    [Fact]
    public void Ip_down_with_delete_removes_what_the_hooks_made()
    {
        PlanStep[] expected = [new DeleteNamespace(Work), new RemoveResolvConf(Work, RemoveDirectory: true), new ForgetState(Work)];
        Assert.Equal(expected, Plan(PppScript.IpDown, With(IpDown("ppp0", "work"), ("VPNNS_DOWN", "delete")), Recorded));
    }

    [Fact]
    public void Ip_down_with_delete_leaves_a_resolv_conf_the_hooks_did_not_create()
    {
        var state = Recorded with { CreatedResolvConf = false };
        PlanStep[] expected = [new DeleteNamespace(Work), new ForgetState(Work)];
        Assert.Equal(expected, Plan(PppScript.IpDown, With(IpDown("ppp0", "work"), ("VPNNS_DOWN", "delete")), state));
    }

    [Fact]
    public void Ipv6_down_leaves_deleting_to_ip_down_while_the_link_has_IPv4()
    {
        var env = With(IpDown("ppp0", "work"), ("VPNNS_DOWN", "delete"), ("LLLOCAL", LinkLocal), ("LLREMOTE", LinkRemote));
        Assert.Empty(Plan(PppScript.Ipv6Down, env, Recorded));
        Assert.Contains(new DeleteNamespace(Work), Plan(PppScript.Ipv6Down, With(env, ("IPLOCAL", null)), Recorded));
    }
}
