using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

public class NamespaceSelectionTests
{
    private static string Choose(params (string, string)[] vars) =>
        NamespaceSelection.Choose(vars.ToDictionary(v => v.Item1, v => v.Item2)).Value;

    [Fact]
    public void VPNNS_NAME_wins_over_the_config_name() =>
        Assert.Equal("work", Choose(("VPNNS_NAME", "work"), ("config", "/etc/openvpn/client/corp.conf")));

    [Theory]
    [InlineData("/etc/openvpn/client/corp.conf", "corp")]
    [InlineData("cli.conf", "cli")]
    [InlineData("home.ovpn", "home")]
    [InlineData("/etc/openvpn/lab", "lab")]
    [InlineData("a.b.conf", "a.b")]
    public void The_config_basename_without_extension_is_the_fallback(string config, string expected) =>
        Assert.Equal(expected, Choose(("config", config)));

    [Fact]
    public void Pushed_setenv_safe_never_chooses()
    {
        Assert.Equal("corp", Choose(("OPENVPN_VPNNS_NAME", "evil"), ("config", "corp.conf")));
        Assert.Throws<VpnnsException>(() => Choose(("OPENVPN_VPNNS_NAME", "evil")));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a b")]
    [InlineData("-x")]
    [InlineData("x\ny")]
    public void An_invalid_VPNNS_NAME_is_refused_not_replaced(string name)
    {
        var e = Assert.Throws<VpnnsException>(() => Choose(("VPNNS_NAME", name), ("config", "corp.conf")));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_config_name_that_is_not_a_namespace_name_asks_for_VPNNS_NAME()
    {
        var e = Assert.Throws<VpnnsException>(() => Choose(("config", "/etc/openvpn/my vpn.conf")));
        Assert.Contains("setenv VPNNS_NAME", e.Message);
    }

    [Fact]
    public void Without_name_or_config_nothing_is_chosen() =>
        Assert.Throws<VpnnsException>(() => Choose());
}
