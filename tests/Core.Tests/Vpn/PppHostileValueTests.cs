using CsCheck;
using Vpnns.Vpn;
using Xunit;
using static Vpnns.Tests.PppEnvironment;

namespace Vpnns.Tests.Vpn;

/// <summary>
/// Values that pppd itself would never produce: a link that opted in is refused, naming the variable and quoting
/// the value on one line, before anything reaches netlink or a path. Peer DNS servers are skipped, not fatal.
/// </summary>
public class PppHostileValueTests
{
    private static readonly string[] UpArgs = Args("ppp0", Local, Remote);

    private static VpnnsException Refused(PppScript script, string[] args, Dictionary<string, string> env) =>
        Assert.Throws<VpnnsException>(() => PppEventReader.Read(script, args, env));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ppp0\nnameserver 8.8.8.8")]
    [InlineData("ppp0 up")]
    [InlineData("ppp0;reboot")]
    [InlineData("ppp0123456789abc")]
    [InlineData("..")]
    [InlineData("ppp0:1")]
    public void A_hostile_IFNAME_is_refused(string ifname)
    {
        var e = Refused(PppScript.IpUp, [], With(IpUp("ppp0", "work"), ("IFNAME", ifname)));
        Assert.StartsWith("invalid device name: IFNAME=\"", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
    }

    [Fact]
    public void An_argument_that_disagrees_with_IFNAME_is_refused()
    {
        var e = Refused(PppScript.IpUp, UpArgs, With(IpUp("ppp0", "work"), ("IFNAME", "ppp1")));
        Assert.Equal("conflicting interface: $1=\"ppp0\", IFNAME=\"ppp1\"", e.Message);
    }

    [Theory]
    [InlineData("IPLOCAL", "10.0.5")]
    [InlineData("IPLOCAL", "10.0.5.2\n10.0.0.1")]
    [InlineData("IPLOCAL", "0.0.0.0")]
    [InlineData("IPLOCAL", "127.0.0.1")]
    [InlineData("IPLOCAL", "010.0.5.2")]
    [InlineData("IPREMOTE", "255.255.255.255")]
    [InlineData("IPREMOTE", "fe80::1")]
    public void A_hostile_IPv4_address_is_refused(string variable, string value)
    {
        var e = Refused(PppScript.IpUp, [], With(IpUp("ppp0", "work"), (variable, value)));
        Assert.StartsWith($"invalid {(variable == "IPLOCAL" ? "local" : "remote")} address: {variable}=\"", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("fe80::1%ppp0")]
    [InlineData("10.0.5.2")]
    [InlineData("fe80::1/64")]
    public void A_link_local_address_outside_fe80_is_refused(string value)
    {
        var e = Refused(PppScript.Ipv6Up, [], With(Ipv6Up("ppp0", "work"), ("LLLOCAL", value)));
        Assert.EndsWith("not an IPv6 link-local address (fe80::/10)", e.Message);
    }

    [Theory]
    [InlineData("10.0.5.53\nnameserver 8.8.8.8")]
    [InlineData("10.0.5")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("evil.example")]
    public void A_hostile_DNS1_is_skipped_and_DNS2_still_used(string value)
    {
        var e = PppEventReader.Read(PppScript.IpUp, UpArgs, With(IpUp("ppp0", "work"), ("DNS1", value)))!;
        Assert.Equal(Dns2, Assert.Single(e.Tunnel!.Dns!.Servers).ToString());
        string note = Assert.Single(e.Notes);
        Assert.StartsWith("invalid DNS1: \"", note);
        Assert.DoesNotContain('\n', note);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("-x")]
    [InlineData("a b")]
    [InlineData("{nope}")]
    public void An_unusable_VPNNS_is_refused(string value) =>
        Assert.StartsWith("invalid namespace name in VPNNS: ", Refused(PppScript.IpUp, UpArgs, IpUp("ppp0", value)).Message);

    [Theory]
    [InlineData("../alice")]
    [InlineData("CORP\\alice")]
    [InlineData("{unit}")]
    public void A_peer_name_that_is_no_namespace_name_is_refused(string peer)
    {
        var e = Refused(PppScript.IpUp, UpArgs, With(IpUp("ppp0", "srv-{peer}"), ("PEERNAME", peer)));
        Assert.StartsWith("invalid namespace name in VPNNS: ", e.Message);
        Assert.EndsWith("(from \"srv-{peer}\")", e.Message);
    }

    [Fact]
    public void A_peer_rule_without_an_authenticated_peer_is_refused() =>
        Assert.Equal("VPNNS uses {peer}: PEERNAME is not set",
            Refused(PppScript.IpUp, UpArgs, With(IpUp("ppp0", "srv-{peer}"), ("PEERNAME", null))).Message);

    private static readonly string[] Variables = ["IFNAME", "IPLOCAL", "IPREMOTE", "DNS1", "DNS2", "USEPEERDNS", "PEERNAME", "UNIT"];

    [Fact]
    public void Any_value_is_either_refused_or_read_into_clean_text()
    {
        var value = Gen.OneOf(Gen.String, Gen.String[Gen.Char["0123456789.:/abcdefp \n;%-{}"], 0, 24]);
        Gen.Select(Gen.Int[0, Variables.Length - 1], value).Array[1, 4].Sample(changes =>
        {
            var env = IpUp("ppp0", "srv-{peer}");
            foreach (var (index, text) in changes)
                env[Variables[index]] = text;
            PppEvent? e;
            try
            {
                e = PppEventReader.Read(PppScript.IpUp, [], env);
            }
            catch (VpnnsException refused)
            {
                Assert.DoesNotContain('\n', refused.Message);
                return;
            }
            Assert.True(TunnelDeviceName.IsValid(e!.Tunnel!.Device));
            foreach (var step in PppHook.Plan(e, null))
                Assert.DoesNotContain('\n', step.Describe());
        }, iter: 2000);
    }
}
