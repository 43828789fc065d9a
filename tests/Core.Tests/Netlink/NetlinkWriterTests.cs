using System.Net;
using Vpnns.Netlink;
using Xunit;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Tests.Netlink;

public class NetlinkWriterTests
{
    [Fact]
    public void Header_carries_length_type_flags_and_sequence_in_host_order()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, new IfInfoMsg { Index = 5 });
        byte[] bytes = w.Finish(0x01020304).ToArray();

        Assert.Equal(Hex.Parse("20000000 1000 0500 04030201 00000000 | 00 00 0000 05000000 00000000 00000000"), bytes);
    }

    [Fact]
    public void Attributes_are_padded_to_four_bytes_and_the_padding_counts_in_the_length()
    {
        var w = new NetlinkWriter(new byte[64]);
        w.Begin(RTM_NEWLINK, NLM_F_REQUEST, new IfInfoMsg());
        w.String(IFLA_IFNAME, "ab");   // 4 + 3 bytes, padded to 8
        w.U8(IFLA_OPERSTATE, 6);      // 4 + 1 bytes, padded to 8
        byte[] bytes = w.Finish().ToArray();

        Assert.Equal(48, bytes.Length);
        Assert.Equal(Hex.Parse("07000300 61620000 | 05001000 06000000"), bytes[32..]);
    }

    [Fact]
    public void A_one_byte_fixed_header_is_not_padded_until_an_attribute_follows()
    {
        var bare = new NetlinkWriter(new byte[64]);
        bare.Begin(RTM_GETNSID, NLM_F_REQUEST | NLM_F_DUMP, new RtGenMsg());
        Assert.Equal(17, bare.Finish().Length);

        var withAttribute = new NetlinkWriter(new byte[64]);
        withAttribute.Begin(RTM_GETNSID, NLM_F_REQUEST, new RtGenMsg());
        withAttribute.U32(NETNSA_FD, 9);
        byte[] bytes = withAttribute.Finish().ToArray();
        Assert.Equal(28, bytes.Length);
        Assert.Equal(Hex.Parse("00 000000 08000300 09000000"), bytes[16..]);
    }

    [Fact]
    public void Closing_a_nest_back_patches_its_length_over_everything_inside()
    {
        var w = new NetlinkWriter(new byte[128]);
        w.Begin(RTM_NEWLINK, NLM_F_REQUEST, new IfInfoMsg());
        NetlinkWriter.Nest outer = w.BeginNested(IFLA_LINKINFO);
        w.String(IFLA_INFO_KIND, "veth");              // 4 + 5 → 12
        NetlinkWriter.Nest inner = w.BeginNested(IFLA_INFO_DATA);
        w.U32(1, 7);                                   // 8
        w.EndNested(inner);                            // 4 + 8 = 12
        w.EndNested(outer);                            // 4 + 12 + 12 = 28
        byte[] bytes = w.Finish().ToArray();

        Assert.Equal(Hex.Parse("1c001200 09000100 76657468 00000000 0c000200 08000100 07000000"), bytes[32..]);
    }

    [Fact]
    public void Addresses_are_written_in_network_order()
    {
        var w = new NetlinkWriter(new byte[128]);
        w.Begin(RTM_NEWADDR, NLM_F_REQUEST, new IfAddrMsg());
        w.Address(IFA_LOCAL, IPAddress.Parse("10.8.0.6"));
        w.Address(IFA_ADDRESS, IPAddress.Parse("fd00:8::1"));
        byte[] bytes = w.Finish().ToArray();

        Assert.Equal(Hex.Parse("08000200 0a080006 | 14000100 fd000008 00000000 00000000 00000001"), bytes[24..]);
    }

    [Fact]
    public void A_request_that_does_not_fit_the_buffer_throws_instead_of_writing_past_it()
    {
        byte[] buffer = new byte[40];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new NetlinkWriter(buffer.AsSpan(0, 36));
            w.Begin(RTM_NEWLINK, NLM_F_REQUEST, new IfInfoMsg());
            w.String(IFLA_IFNAME, "toolongname");
        });
        Assert.All(buffer[36..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Finish_before_begin_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => new NetlinkWriter(new byte[64]).Finish());
    }
}
