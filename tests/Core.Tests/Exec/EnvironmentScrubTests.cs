using System.Text;
using Vpnns.Exec;
using Xunit;

namespace Vpnns.Tests.Exec;

public class EnvironmentScrubTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static string[] S(IEnumerable<byte[]> env) => env.Select(Encoding.UTF8.GetString).ToArray();

    [Theory]
    [InlineData("DOTNET_GCHeapHardLimit=1000", true)]
    [InlineData("dotnet_gcServer=1", true)]
    [InlineData("COMPlus_gcServer=1", true)]
    [InlineData("DOTNET_ROOT=/usr/share/dotnet", true)]
    [InlineData("PATH=/usr/bin", false)]
    [InlineData("MY_DOTNET_X=1", false)]
    [InlineData("DOTNET", false)]
    public void Runtime_knobs_are_recognised(string entry, bool isKnob) =>
        Assert.Equal(isKnob, EnvironmentScrub.IsRuntimeKnob(B(entry)));

    [Fact]
    public void Encoding_leaves_no_runtime_knob_and_appends_the_marker()
    {
        byte[][] env = [B("A=1"), B("DOTNET_DbgEnableMiniDump=1"), B("dotnet_x=2"), B("Z=3")];
        var encoded = EnvironmentScrub.Encode(env);
        Assert.False(EnvironmentScrub.NeedsScrub(encoded));
        Assert.Equal(["A=1", "VPNNS_EXEC_CARRIED_DOTNET_DbgEnableMiniDump=1", "VPNNS_EXEC_CARRIED_dotnet_x=2", "Z=3",
            "VPNNS_EXEC_REEXECUTED=1"], S(encoded));
    }

    [Fact]
    public void Decoding_restores_the_exact_block_including_odd_entries()
    {
        byte[][] env =
        [
            B("DOTNET_ROOT=/opt/dotnet"), [0x58, 0x3d, 0xff, 0xfe], B("VPNNS_EXEC_CARRIED_PATH=/x"),
            B("VPNNS_EXEC_REEXECUTED=1"), B("NOEQUALS"), [], B("COMPlus_a=b"),
        ];
        var roundTrip = EnvironmentScrub.Decode(EnvironmentScrub.Encode(env));
        Assert.Equal(env, roundTrip);
    }

    [Fact]
    public void Without_the_final_marker_nothing_is_decoded()
    {
        byte[][] env = [B("VPNNS_EXEC_CARRIED_DOTNET_X=1"), B("B=2")];
        Assert.Same(env, EnvironmentScrub.Decode(env));
    }

    [Fact]
    public void A_clean_environment_needs_no_scrub() =>
        Assert.False(EnvironmentScrub.NeedsScrub([B("PATH=/bin"), B("HOME=/root"), B("LD_PRELOAD=/x.so")]));
}
