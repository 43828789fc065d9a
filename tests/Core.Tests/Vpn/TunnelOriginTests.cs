using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

public class TunnelOriginTests
{
    [Fact]
    public void OpenVpn_is_the_parent_process_and_its_config_the_source()
    {
        var origin = TunnelOrigin.FromOpenVpn(new Dictionary<string, string> { ["config"] = "/etc/openvpn/client/work.conf" }, 4242, 1_700_000_000);
        Assert.Equal(new TunnelOrigin("openvpn", "/etc/openvpn/client/work.conf", 4242, 1_700_000_000), origin);
    }

    [Theory]
    [InlineData("work", "alice", "/dev/pts/3", "work")]
    [InlineData("", "alice", "/dev/pts/3", "alice")]
    [InlineData("", "", "/dev/pts/3", "/dev/pts/3")]
    public void Pppd_names_its_call_file_else_its_peer_else_its_device(string callFile, string peer, string device, string expected)
    {
        var env = new Dictionary<string, string> { ["CALL_FILE"] = callFile, ["PEERNAME"] = peer, ["DEVICE"] = device, ["PPPD_PID"] = "777" };
        Assert.Equal(new TunnelOrigin("pppd", expected, 777, 5), TunnelOrigin.FromPpp(env, 1, 5));
    }

    [Fact]
    public void A_source_with_control_characters_or_great_length_is_made_one_short_printable_line()
    {
        var origin = TunnelOrigin.FromOpenVpn(new Dictionary<string, string> { ["config"] = "a\nb\u001b[31m" + new string('x', 1000) }, 9, 0);
        Assert.StartsWith("a?b?[31m", origin.Source);
        Assert.Equal(256, origin.Source.Length);
    }

    [Fact]
    public void The_origin_round_trips_through_the_state_file_and_an_old_file_without_one_still_parses()
    {
        var state = new TunnelState("tun0", true, true, false, new TunnelOrigin("openvpn", "/etc/openvpn/client/a=b.conf", 31, 1_700_000_123));
        Assert.Equal(state, TunnelState.Parse(state.Render()));
        var old = TunnelState.Parse("device=tun0\ncreated_namespace=1\ncreated_etc_directory=1\ncreated_resolv_conf=0\n");
        Assert.Equal(new TunnelState("tun0", true, true, false), old);
    }

    private const string Flags = "device=tun0\ncreated_namespace=1\ncreated_etc_directory=0\ncreated_resolv_conf=0\n";

    [Fact]
    public void An_incomplete_origin_is_left_out_and_the_ownership_flags_still_count()
    {
        Assert.Equal(new TunnelState("tun0", true, false, false), TunnelState.Parse(Flags + "daemon=openvpn\n"));
    }

    [Fact]
    public void A_daemon_we_never_write_makes_the_file_damaged_and_it_claims_nothing()
    {
        Assert.Null(TunnelState.Parse(Flags + "daemon=sshd\nup_since=1\n"));
    }

    [Fact]
    public void The_up_plan_records_the_origin_with_the_state()
    {
        var origin = new TunnelOrigin("openvpn", "c.conf", 5, 6);
        var tunnel = new TunnelDescription("tun0", TunnelKind.Layer3, null, null, null, []);
        var plan = TunnelPlanner.ForUp(tunnel, Vpnns.Namespaces.NamespaceName.Parse("work"), origin: origin);
        Assert.Equal(origin, Assert.IsType<RecordState>(plan[^2]).Origin);
    }
}
