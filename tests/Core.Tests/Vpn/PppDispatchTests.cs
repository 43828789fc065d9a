using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

/// <summary>Which entry runs, for every way pppd and Debian's run-parts start the multi-call hook binary.</summary>
public class PppDispatchTests
{
    private static readonly Dictionary<string, string> NoScriptType = [];

    [Theory]
    [InlineData("/usr/lib/vpnns/ip-up", "ip-up")]            // pppd, with /etc/ppp/ip-up replaced by a link
    [InlineData("/etc/ppp/ip-down", "ip-down")]
    [InlineData("/etc/ppp/ip-up.d/vpnns", "ip-up")]          // run-parts, under the link's own name
    [InlineData("/etc/ppp/ip-down.d/vpnns", "ip-down")]
    [InlineData("/etc/ppp/ipv6-up.d/00vpnns", "ipv6-up")]
    [InlineData("/etc/ppp/ipv6-down.d/vpnns", "ipv6-down")]
    [InlineData("/tmp/x/ip-up.d/vpnns", "ip-up")]
    [InlineData("/usr/lib/vpnns/up", "up")]
    [InlineData("/etc/openvpn/up.d/vpnns", "vpnns")]         // only pppd's four directories name the entry
    [InlineData("ipv6-up", "ipv6-up")]
    public void The_entry_comes_from_the_name_or_the_run_parts_directory(string argv0, string expected) =>
        Assert.Equal(expected, HookDispatcher.EntryName(argv0, NoScriptType));

    [Fact]
    public void OpenVPN_script_type_still_wins() =>
        Assert.Equal("down", HookDispatcher.EntryName("/etc/ppp/ip-up.d/vpnns", new Dictionary<string, string> { ["script_type"] = "down" }));

    [Fact]
    public void A_ppp_entry_without_VPNNS_succeeds_and_says_nothing()
    {
        var stderr = new StringWriter();
        var env = PppEnvironment.IpUp("ppp0", vpnns: null);
        int status = HookDispatcher.Run("ip-up", PppEnvironment.Args("ppp0", PppEnvironment.Local, PppEnvironment.Remote), env, stderr);
        Assert.Equal(ExitCodes.Success, status);
        Assert.Equal("", stderr.ToString());
    }

    [Theory]
    [InlineData("ip-up")]
    [InlineData("ip-down")]
    [InlineData("ipv6-up")]
    [InlineData("ipv6-down")]
    public void Every_script_name_round_trips(string name)
    {
        Assert.True(PppScript.TryParse(name, out var script));
        Assert.Equal(name, script.Name);
    }

    [Theory]
    [InlineData("ip-pre-up")]
    [InlineData("IP-UP")]
    [InlineData("")]
    public void Other_pppd_scripts_are_not_ours(string name) => Assert.False(PppScript.TryParse(name, out _));
}
