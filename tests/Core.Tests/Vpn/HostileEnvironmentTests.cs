using System.Net;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

/// <summary>Values a malicious or broken server can push: each is skipped with a note naming variable and value.</summary>
public class HostileEnvironmentTests
{
    private static OpenVpnEvent Up(params (string, string?)[] changes)
    {
        var env = OpenVpnEnv.Fixture("tun-subnet", changes);
        return OpenVpnEventReader.Read(HookPhase.Up, OpenVpnEnv.Args(env), env);
    }

    [Theory]
    [InlineData("route_network_1", "1.2.3")]
    [InlineData("route_network_1", "10.9.0.0;reboot")]
    [InlineData("route_network_1", "10.9.0.0\n10.0.0.0")]
    [InlineData("route_netmask_1", "255.0.255.0")]
    [InlineData("route_netmask_1", "")]
    [InlineData("route_network_1", "10.9.0.1")]
    [InlineData("route_gateway_1", "10.8.0")]
    [InlineData("route_metric_1", "-1")]
    [InlineData("route_metric_1", "4294967296")]
    [InlineData("route_metric_1", "07")]
    public void A_bad_IPv4_route_is_skipped_with_its_variable_named(string variable, string value)
    {
        var e = Up((variable, value));
        Assert.DoesNotContain(e.Tunnel!.Routes, r => r.Destination.BaseAddress.Equals(IPAddress.Parse("10.9.0.0")));
        Assert.Contains(e.Tunnel.Routes, r => r.Destination == IPNetwork.Parse("198.51.100.0/24"));
        string note = Assert.Single(e.Notes);
        Assert.StartsWith($"invalid {variable}: \"", note);
        Assert.DoesNotContain('\n', note);
    }

    [Theory]
    [InlineData("2001:db8:1::/48;")]
    [InlineData("2001:db8:1::1/48")]
    [InlineData("2001:db8:1::/200")]
    [InlineData("zzzz::/48")]
    [InlineData("2001:db8:1::")]
    public void A_bad_IPv6_route_is_skipped(string value)
    {
        var e = Up(("route_ipv6_network_1", value));
        Assert.Equal(2, e.Tunnel!.Routes.Length);
        Assert.StartsWith("invalid route_ipv6_network_1: ", Assert.Single(e.Notes));
    }

    [Theory]
    [InlineData("ifconfig_local", "10.8.0")]
    [InlineData("ifconfig_local", "0.0.0.0")]
    [InlineData("ifconfig_local", "127.0.0.1")]
    [InlineData("ifconfig_netmask", "255.255.0.255")]
    [InlineData("ifconfig_netmask", "0.0.0.0")]
    public void A_bad_IPv4_ifconfig_means_no_IPv4_at_all(string variable, string value)
    {
        var e = Up((variable, value));
        Assert.Null(e.Tunnel!.IPv4);
        Assert.NotNull(e.Tunnel.IPv6);
        Assert.StartsWith($"invalid {variable}: ", Assert.Single(e.Notes));
    }

    [Theory]
    [InlineData("ifconfig_ipv6_local", "fd00:8::1000%tun0")]
    [InlineData("ifconfig_ipv6_local", "ff02::1")]
    [InlineData("ifconfig_ipv6_netbits", "129")]
    [InlineData("ifconfig_ipv6_netbits", "64 ")]
    public void IPv6_ifconfig_garbage_means_no_IPv6(string variable, string value)
    {
        var e = Up((variable, value));
        Assert.Null(e.Tunnel!.IPv6);
        Assert.NotNull(e.Tunnel.IPv4);
    }

    [Theory]
    [InlineData("9000000")]
    [InlineData("12")]
    [InlineData("1500abc")]
    public void A_bad_mtu_leaves_the_mtu_alone(string value)
    {
        var env = OpenVpnEnv.Fixture("tun-subnet", ("tun_mtu", value));
        var e = OpenVpnEventReader.Read(HookPhase.Up, [], env);
        Assert.Null(e.Tunnel!.Mtu);
        Assert.StartsWith("invalid tun_mtu: ", Assert.Single(e.Notes));
    }

    [Fact]
    public void Pushed_setenv_safe_cannot_change_the_namespace_or_down_policy()
    {
        var env = OpenVpnEnv.Fixture("down-final", ("VPNNS_DOWN", null), ("OPENVPN_VPNNS_DOWN", "delete"), ("OPENVPN_VPNNS_NAME", "x"));
        var e = OpenVpnEventReader.Read(HookPhase.Down, [], env);
        Assert.Equal(("corp", DownPolicy.Keep), (e.Name.Value, e.DownPolicy));
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_note()
    {
        var e = Up(("route_network_1", new string('9', 5000)));
        string note = Assert.Single(e.Notes);
        Assert.True(note.Length < 300, note);
        Assert.Contains("5000 characters", note);
    }
}
