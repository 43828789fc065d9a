using System.Net;
using Vpnns.Dns;
using Vpnns.Tests.Vpn;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Dns;

public class DnsOverrideTests
{
    private static TunnelDescription Up(string? vpnnsDns)
    {
        var env = OpenVpnEnv.Fixture("tun-subnet", ("VPNNS_DNS", vpnnsDns));
        return OpenVpnEventReader.Read(HookPhase.Up, OpenVpnEnv.Args(env), env).Tunnel!;
    }

    [Fact]
    public void VPNNS_DNS_replaces_what_the_server_pushed() =>
        Assert.Equal(new DnsSettings([IPAddress.Parse("9.9.9.9"), IPAddress.Parse("2620:fe::fe")], ["home.example"]),
            Up("9.9.9.9, 2620:fe::fe home.example").Dns);

    [Fact]
    public void VPNNS_DNS_none_leaves_resolv_conf_alone() => Assert.Null(Up("none").Dns);

    [Fact]
    public void Without_VPNNS_DNS_the_pushed_values_count() =>
        Assert.Equal<IPAddress>([IPAddress.Parse("10.8.0.1")], Up(null).Dns!.Servers);

    [Fact]
    public void Nothing_pushed_means_resolv_conf_is_left_alone()
    {
        var env = OpenVpnEnv.Fixture("tun-subnet", ("foreign_option_1", null), ("foreign_option_2", null));
        var e = OpenVpnEventReader.Read(HookPhase.Up, [], env);
        Assert.Null(e.Tunnel!.Dns);
        Assert.Contains(e.Notes, n => n.StartsWith("no DNS servers"));
    }

    [Fact]
    public void Bad_words_in_VPNNS_DNS_are_noted()
    {
        var notes = new ParseNotes();
        var kind = DnsOverride.Read(new Dictionary<string, string> { ["VPNNS_DNS"] = "1.1.1 10.0.0.1" }, notes, out var dns);
        Assert.Equal(DnsOverride.Kind.Replace, kind);
        Assert.Equal<IPAddress>([IPAddress.Parse("10.0.0.1")], dns.Servers);
        Assert.StartsWith("invalid VPNNS_DNS: \"1.1.1\"", Assert.Single(notes.Lines));
    }
}
