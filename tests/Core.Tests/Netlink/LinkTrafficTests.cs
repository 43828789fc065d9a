using Vpnns.Netlink;
using Xunit;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Tests.Netlink;

public class LinkTrafficTests
{
    private static byte[] Stats64(ulong rxBytes, ulong txBytes, int length = 200)
    {
        var stats = new byte[length]; // struct rtnl_link_stats64 is 200 bytes on 6.x kernels (more fields get appended)
        if (length >= 16)
        {
            BitConverter.TryWriteBytes(stats.AsSpan(0), 7UL);  // rx_packets
            BitConverter.TryWriteBytes(stats.AsSpan(8), 9UL);  // tx_packets
        }
        if (length >= 24)
            BitConverter.TryWriteBytes(stats.AsSpan(16), rxBytes);
        if (length >= 32)
            BitConverter.TryWriteBytes(stats.AsSpan(24), txBytes);
        return stats;
    }

    private static LinkInfo Parse(byte[] stats)
    {
        var w = new NetlinkWriter(new byte[512]);
        w.Begin(RTM_NEWLINK, 0, new IfInfoMsg { Index = 4 });
        w.String(IFLA_IFNAME, "tun0");
        w.Bytes(IFLA_STATS64, stats);
        var reader = new NetlinkReader(w.Finish().ToArray());
        Assert.True(reader.TryRead(out NetlinkMessage message));
        return LinkReplies.Parse(message)!;
    }

    [Fact]
    public void The_byte_counters_come_from_rx_bytes_and_tx_bytes()
    {
        Assert.Equal(new LinkTraffic(5_000_000_000, 1234), Parse(Stats64(5_000_000_000, 1234)).Traffic);
    }

    [Fact]
    public void A_longer_struct_from_a_newer_kernel_is_read_the_same()
    {
        Assert.Equal(new LinkTraffic(1, 2), Parse(Stats64(1, 2, length: 256)).Traffic);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    [InlineData(31)]
    public void A_truncated_struct_gives_no_counters_rather_than_garbage(int length)
    {
        Assert.Null(Parse(Stats64(1, 2, length)).Traffic);
    }
}
