using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

public class TunnelStateTests
{
    [Fact]
    public void State_round_trips()
    {
        var state = new TunnelState("tun0", CreatedNamespace: true, CreatedEtcDirectory: false, CreatedResolvConf: true);
        Assert.Equal(state, TunnelState.Parse(state.Render()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("device=tun0\n")]
    [InlineData("device=tun 0\ncreated_namespace=1\ncreated_etc_directory=0\ncreated_resolv_conf=0\n")]
    [InlineData("device=tun0\ncreated_namespace=yes\ncreated_etc_directory=0\ncreated_resolv_conf=0\n")]
    [InlineData("device=tun0\ncreated_namespace=1\ncreated_etc_directory=0\ncreated_resolv_conf=0\nextra=1\n")]
    public void A_damaged_state_claims_nothing(string text) => Assert.Null(TunnelState.Parse(text));

    [Fact]
    public void What_an_earlier_connection_created_stays_ours()
    {
        var earlier = new TunnelState("tun0", true, true, true);
        var now = new TunnelState("tun1", false, false, false);
        Assert.Equal(new TunnelState("tun1", true, true, true), now.MergedWith(earlier));
        Assert.Equal(now, now.MergedWith(null));
    }
}
