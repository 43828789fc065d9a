using Vpnns.Netlink;
using Xunit;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Tests.Netlink;

// Whatever arrives, the reader either parses it or throws VpnnsException; it never reads out of
// bounds (which in .NET would surface as some other exception) and never loops forever.
public class MalformedRepliesTests
{
    private static byte[] Recorded(string name) => Hex.Fixture(name)[0];

    private static void ReadEverything(byte[] datagram)
    {
        var reader = new NetlinkReader(datagram);
        while (reader.TryRead(out NetlinkMessage message))
        {
            switch (message.Type)
            {
                case NLMSG_ERROR: NetlinkStatus.FromError(message); break;
                case NLMSG_DONE: NetlinkStatus.FromDone(message); break;
                default:
                    LinkReplies.Parse(message);
                    AddressReplies.Parse(message);
                    RouteReplies.Parse(message);
                    NsidReplies.Parse(message);
                    break;
            }
        }
    }

    private static void AssertMalformed(byte[] datagram)
    {
        var error = Assert.Throws<VpnnsException>(() => ReadEverything(datagram));
        Assert.Equal("malformed netlink reply", error.Operation);
    }

    [Fact]
    public void A_message_shorter_than_its_header_is_rejected()
    {
        AssertMalformed(Recorded("ack.hex")[..12]);
    }

    [Fact]
    public void A_length_beyond_the_datagram_is_rejected()
    {
        byte[] ack = Recorded("ack.hex");
        ack[0] = 0x40;   // claims 64 bytes, 36 present
        AssertMalformed(ack);
    }

    [Fact]
    public void A_length_below_the_header_size_is_rejected_rather_than_looping()
    {
        byte[] ack = Recorded("ack.hex");
        ack[0] = 0;
        AssertMalformed(ack);
    }

    [Fact]
    public void Stray_bytes_after_the_last_message_are_rejected()
    {
        AssertMalformed([.. Recorded("ack.hex"), 1, 2, 3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void An_error_whose_echo_is_cut_short_is_rejected()
    {
        byte[] error = Recorded("error-full-echo.hex");
        AssertMalformed(error[..40].Also(e => e[0] = 40));
    }

    [Fact]
    public void An_attribute_longer_than_its_message_is_rejected()
    {
        byte[] error = Recorded("error-ext-ack.hex");
        error[36] = 0x40;   // NLMSGERR_ATTR_MSG claims 64 bytes
        AssertMalformed(error);
    }

    [Fact]
    public void An_attribute_shorter_than_its_header_is_rejected()
    {
        byte[] error = Recorded("error-ext-ack.hex");
        error[36] = 2;
        AssertMalformed(error);
    }

    [Fact]
    public void A_link_message_without_a_name_is_rejected()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWLINK, 0, new IfInfoMsg { Index = 3 });
        w.U32(IFLA_MTU, 1500);
        AssertMalformed(w.Finish().ToArray());
    }

    [Fact]
    public void A_u32_attribute_with_two_bytes_is_rejected()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWLINK, 0, new IfInfoMsg { Index = 3 });
        w.String(IFLA_IFNAME, "x");
        w.U16(IFLA_MTU, 1500);
        AssertMalformed(w.Finish().ToArray());
    }

    [Fact]
    public void A_route_with_an_address_of_the_wrong_size_is_rejected()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWROUTE, 0, new RtMsg { Family = AF_INET, DestinationLength = 8 });
        w.Bytes(RTA_DST, [10, 0, 0]);
        AssertMalformed(w.Finish().ToArray());
    }

    [Fact]
    public void A_route_with_host_bits_beyond_its_prefix_is_rejected()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWROUTE, 0, new RtMsg { Family = AF_INET, DestinationLength = 8 });
        w.Bytes(RTA_DST, [10, 1, 0, 0]);
        AssertMalformed(w.Finish().ToArray());
    }

    [Fact]
    public void A_fixed_header_cut_short_is_rejected()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWROUTE, 0, new RtGenMsg());
        AssertMalformed(w.Finish().ToArray());
    }

    [Fact]
    public void Every_truncation_of_every_recording_parses_or_throws_cleanly()
    {
        foreach (string name in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "netlink"), "*.hex"))
        {
            foreach (byte[] datagram in Hex.Fixture(Path.GetFileName(name)))
            {
                for (int length = 0; length < datagram.Length; length++)
                    ParseOrThrowClean(datagram[..length]);
            }
        }
    }

    [Fact]
    public void A_line_break_in_the_kernels_error_text_stays_on_one_line()
    {
        // Found by the fuzz harness (fuzz/corpus/netlink-reply/ext-ack-line-break): "A\r\nddress".
        byte[] error = Recorded("error-ext-ack.hex");
        error[46] = (byte)'\r';
        error[47] = (byte)'\n';
        NetlinkStatus status = Replies.Status(error);
        Assert.Equal("ipv4:   dress already assigned", status.Detail);
    }

    [Fact]
    public void Random_corruption_of_recordings_parses_or_throws_cleanly()
    {
        var random = new Random(20240603);
        var recordings = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "netlink"), "*.hex")
            .SelectMany(path => Hex.Fixture(Path.GetFileName(path))).ToArray();
        for (int i = 0; i < 20000; i++)
        {
            byte[] datagram = (byte[])recordings[random.Next(recordings.Length)].Clone();
            for (int flips = random.Next(1, 6); flips > 0; flips--)
                datagram[random.Next(datagram.Length)] = (byte)random.Next(256);
            ParseOrThrowClean(datagram);
        }
    }

    private static void ParseOrThrowClean(byte[] datagram)
    {
        try
        {
            ReadEverything(datagram);
        }
        catch (VpnnsException)
        {
        }
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Also(this byte[] bytes, Action<byte[]> change)
    {
        change(bytes);
        return bytes;
    }
}
