using Vpnns.Exec;
using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Exec;

public class ProcessStartDataTests
{
    [Fact]
    public void A_nul_terminated_block_splits_into_its_strings_including_empty_ones() =>
        Assert.Equal([[0x61], [], [0xff, 0x62]], ProcessStartData.SplitNulTerminated([0x61, 0, 0, 0xff, 0x62, 0]));

    [Fact]
    public void A_missing_final_nul_still_ends_the_last_string() =>
        Assert.Equal([[0x61], [0x62]], ProcessStartData.SplitNulTerminated([0x61, 0, 0x62]));

    [Fact]
    public void An_empty_block_has_no_strings() => Assert.Empty(ProcessStartData.SplitNulTerminated([]));

    [Fact]
    public void Our_own_arguments_and_environment_are_readable() =>
        Assert.Contains(ProcessStartData.ReadEnvironment(), e => e.AsSpan().StartsWith("PATH="u8));

    [Fact]
    public void Quoting_escapes_everything_but_printable_ascii() =>
        Assert.Equal("\"a\\\"b\\\\c\\x0a\\xff\"", ByteStrings.Quote([0x61, 0x22, 0x62, 0x5c, 0x63, 0x0a, 0xff]));

    [Fact]
    public void Lookup_finds_the_first_exact_name()
    {
        byte[][] env = ["PATHX=1"u8.ToArray(), "PATH=/a"u8.ToArray(), "PATH=/b"u8.ToArray()];
        Assert.Equal("/a"u8.ToArray(), ByteStrings.Lookup(env, "PATH"u8));
        Assert.Null(ByteStrings.Lookup(env, "HOME"u8));
    }
}
