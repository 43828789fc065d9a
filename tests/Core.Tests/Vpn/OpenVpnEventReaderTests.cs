using System.Collections.Immutable;
using System.Net;
using Vpnns.Dns;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

public class OpenVpnEventReaderTests
{
    private static OpenVpnEvent Up(Dictionary<string, string> env) => OpenVpnEventReader.Read(HookPhase.Up, OpenVpnEnv.Args(env), env);

    private static TunnelDescription Tunnel(Dictionary<string, string> env) => Up(env).Tunnel!;

    private static IPNetwork Net(string text) => IPNetwork.Parse(text);

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Fact]
    public void Tun_subnet_is_read_completely()
    {
        var e = Up(OpenVpnEnv.Fixture("tun-subnet"));
        Assert.Equal("corp", e.Name.Value);
        Assert.False(e.IsRestart);
        var expected = new TunnelDescription(
            "tun0", TunnelKind.Layer3, 1500,
            new InterfaceAddress(Ip("10.8.0.2"), 24),
            new InterfaceAddress(Ip("fd00:8::1000"), 64),
            [
                new TunnelRoute(Net("10.9.0.0/16"), Ip("10.8.0.1")),
                new TunnelRoute(Net("198.51.100.0/24"), Ip("10.8.0.1"), 7),
                new TunnelRoute(Net("2001:db8:1::/48"), Ip("fd00:8::1")),
            ],
            Ip("10.8.0.1"), Ip("fd00:8::1"),
            new DnsSettings([Ip("10.8.0.1")], ["corp.example"]));
        Assert.Equal(expected, e.Tunnel);
        Assert.Empty(e.Notes);
    }

    [Fact]
    public void Net30_uses_the_peer_address()
    {
        var t = Tunnel(OpenVpnEnv.Fixture("tun-net30"));
        Assert.Equal(new InterfaceAddress(Ip("10.8.0.6"), 32, Ip("10.8.0.5")), t.IPv4);
        Assert.Equal(1400, t.Mtu);
        Assert.Equal<TunnelRoute>([new TunnelRoute(Net("10.8.0.1/32"), Ip("10.8.0.5"))], t.Routes);
    }

    [Fact]
    public void P2p_uses_the_peer_address() =>
        Assert.Equal(new InterfaceAddress(Ip("10.8.0.4"), 32, Ip("10.8.0.1")), Tunnel(OpenVpnEnv.Fixture("tun-p2p")).IPv4);

    [Fact]
    public void Tap_is_ethernet_with_a_netmask()
    {
        var t = Tunnel(OpenVpnEnv.Fixture("tap"));
        Assert.Equal(TunnelKind.Ethernet, t.Kind);
        Assert.Equal(new InterfaceAddress(Ip("10.9.0.2"), 24), t.IPv4);
        Assert.Equal(Ip("10.9.0.1"), t.GatewayIPv4);
        Assert.Equal("lab", Up(OpenVpnEnv.Fixture("tap")).Name.Value);
    }

    [Fact]
    public void Missing_IPv4_leaves_only_IPv6()
    {
        var e = Up(OpenVpnEnv.Fixture("ipv6-only"));
        Assert.Null(e.Tunnel!.IPv4);
        Assert.Equal(new InterfaceAddress(Ip("fd00:8::1000"), 64), e.Tunnel.IPv6);
        Assert.Equal<TunnelRoute>([new TunnelRoute(Net("2001:db8:2::/48"), Ip("fd00:8::1"), 9)], e.Tunnel.Routes);
    }

    [Fact]
    public void Dev_type_absent_is_guessed_from_the_name() =>
        Assert.Equal(TunnelKind.Ethernet, Tunnel(OpenVpnEnv.Fixture("tap", ("dev_type", null))).Kind);

    [Fact]
    public void The_device_and_mtu_fall_back_to_the_arguments()
    {
        var env = OpenVpnEnv.Fixture("tun-subnet");
        string[] args = OpenVpnEnv.Args(env);
        env.Remove("dev");
        env.Remove("tun_mtu");
        var t = OpenVpnEventReader.Read(HookPhase.Up, args, env).Tunnel!;
        Assert.Equal(("tun0", 1500), (t.Device, t.Mtu));
    }

    [Fact]
    public void Restart_context_is_seen()
    {
        var e = OpenVpnEventReader.Read(HookPhase.Down, [], OpenVpnEnv.Fixture("down-restart"));
        Assert.True(e.IsRestart);
        Assert.False(e.IsFinal);
        Assert.Equal(DownPolicy.Delete, e.DownPolicy);
        Assert.Null(e.Tunnel);
    }

    [Theory]
    [InlineData("sigterm", true)]
    [InlineData("sigint", true)]
    [InlineData("", true)]
    [InlineData("sigusr1", false)]
    [InlineData("ping-restart", false)]
    [InlineData("connection-reset", false)]
    [InlineData("sighup", false)]
    public void Only_exit_signals_make_a_down_final(string signal, bool final)
    {
        var env = OpenVpnEnv.Fixture("down-final", ("signal", signal));
        Assert.Equal(final, OpenVpnEventReader.Read(HookPhase.Down, [], env).IsFinal);
    }

    [Theory]
    [InlineData(null, DownPolicy.Keep)]
    [InlineData("keep", DownPolicy.Keep)]
    [InlineData("delete", DownPolicy.Delete)]
    [InlineData("DELETE", DownPolicy.Keep)]
    [InlineData("yes", DownPolicy.Keep)]
    public void VPNNS_DOWN_deletes_only_when_it_says_delete(string? value, DownPolicy expected) =>
        Assert.Equal(expected, OpenVpnEventReader.Read(HookPhase.Down, [], OpenVpnEnv.Fixture("down-final", ("VPNNS_DOWN", value))).DownPolicy);

    [Fact]
    public void Three_hundred_routes_are_all_read()
    {
        var env = OpenVpnEnv.Fixture("tun-subnet");
        for (int n = 1; n <= 300; n++)
        {
            env[$"route_network_{n}"] = $"10.{100 + n / 256}.{n % 256}.0";
            env[$"route_netmask_{n}"] = "255.255.255.0";
            env[$"route_gateway_{n}"] = "10.8.0.1";
        }
        var e = Up(env);
        Assert.Equal(300 + 1, e.Tunnel!.Routes.Length);
        Assert.Empty(e.Notes);
    }

    [Fact]
    public void An_invalid_device_name_is_fatal()
    {
        var e = Assert.Throws<VpnnsException>(() => Up(OpenVpnEnv.Fixture("tun-subnet", ("dev", "tun0\nx"))));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
    }
}
