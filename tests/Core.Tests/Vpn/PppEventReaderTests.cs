using System.Net;
using Vpnns.Dns;
using Vpnns.Vpn;
using Xunit;
using static Vpnns.Tests.PppEnvironment;

namespace Vpnns.Tests.Vpn;

/// <summary>pppd's arguments and environment, as pppd itself and as Debian's run-parts wrappers pass them.</summary>
public class PppEventReaderTests
{
    private static readonly string[] UpArgs = Args("ppp0", Local, Remote);

    private static PppEvent Read(PppScript script, string[] args, Dictionary<string, string> env) =>
        PppEventReader.Read(script, args, env) ?? throw new Xunit.Sdk.XunitException("the link did not opt in");

    [Fact]
    public void Without_VPNNS_nothing_is_read()
    {
        Assert.Null(PppEventReader.Read(PppScript.IpUp, UpArgs, IpUp("ppp0", vpnns: null)));
        Assert.Null(PppEventReader.Read(PppScript.IpDown, UpArgs, IpDown("ppp0", vpnns: null)));
        Assert.Null(PppEventReader.Read(PppScript.Ipv6Up, UpArgs, Ipv6Up("ppp0", vpnns: "")));
    }

    [Fact]
    public void Without_VPNNS_even_garbage_is_not_ours_to_judge() =>
        Assert.Null(PppEventReader.Read(PppScript.IpUp, ["../x"], With(IpUp("ppp0", null), ("IFNAME", "../x"), ("IPLOCAL", "1.2"))));

    [Fact]
    public void A_direct_ip_up_gives_the_peer_address_and_dns()
    {
        var e = Read(PppScript.IpUp, UpArgs, IpUp("ppp0", "work"));
        Assert.Equal("work", e.Name.Value);
        var expected = new TunnelDescription("ppp0", TunnelKind.Layer3, null,
            new InterfaceAddress(IPAddress.Parse(Local), 32, IPAddress.Parse(Remote)), null, [],
            Dns: new DnsSettings([IPAddress.Parse(Dns1), IPAddress.Parse(Dns2)], []));
        Assert.Equal(expected, e.Tunnel);
        Assert.Empty(e.Notes);
    }

    [Fact]
    public void Debian_wrapper_variables_alone_are_enough()
    {
        var env = DebianWrapper(new Dictionary<string, string> { ["VPNNS"] = "work" }, UpArgs);
        var e = Read(PppScript.IpUp, [], env);
        Assert.Equal("ppp0", e.Tunnel!.Device);
        Assert.Equal(new InterfaceAddress(IPAddress.Parse(Local), 32, IPAddress.Parse(Remote)), e.Tunnel.IPv4);
    }

    [Fact]
    public void Run_parts_arguments_and_both_variable_sets_agree()
    {
        var env = DebianWrapper(IpUp("ppp0", "work"), UpArgs);
        Assert.Equal(Read(PppScript.IpUp, UpArgs, IpUp("ppp0", "work")), Read(PppScript.IpUp, UpArgs, env));
    }

    [Fact]
    public void Ipv6_up_gives_the_link_local_pair_and_no_default_route_unless_asked()
    {
        var e = Read(PppScript.Ipv6Up, Args("ppp0", LinkLocal, LinkRemote), Ipv6Up("ppp0", "work"));
        Assert.Equal(new InterfaceAddress(IPAddress.Parse(LinkLocal), 128, IPAddress.Parse(LinkRemote)), e.Tunnel!.IPv6);
        Assert.Null(e.Tunnel.IPv4);
        Assert.Null(e.Tunnel.Dns);
        Assert.False(e.Tunnel.RoutesIPv6ByDefault);
        var asked = Read(PppScript.Ipv6Up, [], With(Ipv6Up("ppp0", "work"), ("VPNNS_IPV6_DEFAULT", "1")));
        Assert.True(asked.Tunnel!.RoutesIPv6ByDefault);
    }

    [Fact]
    public void An_unknown_ipv6_default_word_means_no_default_route_with_a_note()
    {
        var e = Read(PppScript.Ipv6Up, [], With(Ipv6Up("ppp0", "work"), ("VPNNS_IPV6_DEFAULT", "maybe")));
        Assert.False(e.Tunnel!.RoutesIPv6ByDefault);
        Assert.StartsWith("invalid VPNNS_IPV6_DEFAULT: \"maybe\"", Assert.Single(e.Notes));
    }

    [Fact]
    public void Without_usepeerdns_resolv_conf_is_left_alone()
    {
        var e = Read(PppScript.IpUp, UpArgs, With(IpUp("ppp0", "work"), ("USEPEERDNS", null), ("DNS1", null), ("DNS2", null)));
        Assert.Null(e.Tunnel!.Dns);
        Assert.Contains("usepeerdns is off", Assert.Single(e.Notes));
    }

    [Fact]
    public void VPNNS_DNS_replaces_the_peer_servers()
    {
        var e = Read(PppScript.IpUp, UpArgs, With(IpUp("ppp0", "work"), ("VPNNS_DNS", "10.1.1.1 corp.example")));
        Assert.Equal(new DnsSettings([IPAddress.Parse("10.1.1.1")], ["corp.example"]), e.Tunnel!.Dns);
    }

    [Theory]
    [InlineData("", DownPolicy.Keep)]
    [InlineData("keep", DownPolicy.Keep)]
    [InlineData("delete", DownPolicy.Delete)]
    public void Down_reads_the_same_policy_as_openvpn(string value, DownPolicy expected)
    {
        var e = Read(PppScript.IpDown, UpArgs, With(IpDown("ppp0", "work"), ("VPNNS_DOWN", value)));
        Assert.Equal(expected, e.DownPolicy);
        Assert.True(e.IsFinal);
        Assert.Null(e.Tunnel);
    }

    [Fact]
    public void Ipv6_down_is_final_only_on_a_link_without_IPv4()
    {
        Assert.False(Read(PppScript.Ipv6Down, [], With(IpDown("ppp0", "work"), ("LLLOCAL", LinkLocal))).IsFinal);
        Assert.True(Read(PppScript.Ipv6Down, [], Ipv6Up("ppp0", "work")).IsFinal);
    }

    [Theory]
    [InlineData("srv-{peer}", "srv-alice")]
    [InlineData("pptp{unit}", "pptp0")]
    [InlineData("{peer}.{unit}", "alice.0")]
    [InlineData("plain", "plain")]
    public void The_namespace_rule_may_name_the_client(string rule, string expected) =>
        Assert.Equal(expected, Read(PppScript.IpUp, UpArgs, IpUp("ppp0", rule)).Name.Value);
}
