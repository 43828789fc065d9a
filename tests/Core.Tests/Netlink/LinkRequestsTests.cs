using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class LinkRequestsTests
{
    [Fact]
    public void Mtu_and_up_match_the_bytes_ip_link_set_sent()
    {
        // reference.md 4.6: `ip link set X mtu 1400 up`, X with ifindex 5
        byte[] bytes = Requests.Build(b => LinkRequests.Set(b, 5, up: true, mtu: 1400));

        Assert.Equal(Hex.Parse("28000000 1000 0500 01000000 00000000"
            + "| 00 00 0000 05000000 01000000 01000000 | 08 00 04 00 78 05 00 00"), bytes);
    }

    [Fact]
    public void Down_clears_only_the_up_bit_so_noarp_and_multicast_survive()
    {
        byte[] bytes = Requests.Build(b => LinkRequests.Set(b, 7, up: false));

        // ifi_flags 0, ifi_change IFF_UP: a change mask of 0 would mean "all flags"
        Assert.Equal(Hex.Parse("00 00 0000 07000000 00000000 01000000"), bytes[16..32]);
        Assert.Equal(32, bytes.Length);
    }

    [Fact]
    public void Move_with_rename_matches_the_captured_ip_link_set_netns_name()
    {
        // reference.md 4.6: `ip link set vxt1 netns vxa name vxt1b`, vxt1 index 2, namespace fd 4
        byte[] bytes = Requests.Build(b => LinkRequests.MoveToNamespace(b, 2, 4, "vxt1b"));

        Assert.Equal(Hex.Parse("34000000 1000 0500 01000000 00000000 | 00 00 0000 02000000 00000000 00000000"
            + "| 08 00 1c 00 04 00 00 00 | 0a 00 03 00 76 78 74 31 62 00 00 00"), bytes);
    }

    [Fact]
    public void Create_sends_name_and_kind_with_create_exclusive()
    {
        // ip link add vt1a type dummy
        byte[] bytes = Requests.Build(b => LinkRequests.Create(b, "vt1a", "dummy"));

        Assert.Equal(Hex.Parse("3c000000 1000 0506 01000000 00000000 | 00 00 0000 00000000 00000000 00000000"
            + "| 09000300 76743161 00000000 | 10001200 0a000100 64756d6d 79000000"), bytes);
    }

    [Fact]
    public void Veth_peer_carries_its_own_ifinfomsg_name_and_namespace()
    {
        // ip link add va type veth peer name vb netns <fd 9>
        byte[] bytes = Requests.Build(b => LinkRequests.CreateVeth(b, "va", "vb", 9));

        Assert.Equal(Hex.Parse(
            "60000000 1000 0506 01000000 00000000 | 00 00 0000 00000000 00000000 00000000"
            + "| 07000300 76610000"                          // IFLA_IFNAME "va"
            + "| 38001200 09000100 76657468 00000000"        // IFLA_LINKINFO, IFLA_INFO_KIND "veth"
            + "| 28000200 24000100"                          // IFLA_INFO_DATA, VETH_INFO_PEER
            + "| 00 00 0000 00000000 00000000 00000000"      //   peer ifinfomsg
            + "| 07000300 76620000 | 08001c00 09000000"),    //   IFLA_IFNAME "vb", IFLA_NET_NS_FD 9
            bytes);
    }

    [Fact]
    public void Delete_names_the_device_by_index()
    {
        byte[] bytes = Requests.Build(b => LinkRequests.Delete(b, 12));

        Assert.Equal(Hex.Parse("20000000 1100 0500 01000000 00000000 | 00 00 0000 0c000000 00000000 00000000"), bytes);
    }

    [Fact]
    public void Lookup_by_name_and_dump_skip_statistics()
    {
        byte[] get = Requests.Build(b => LinkRequests.Get(b, "tun0"));
        byte[] dump = Requests.Build(b => LinkRequests.Dump(b));

        Assert.Equal(Hex.Parse("34000000 1200 0100 01000000 00000000 | 00 00 0000 00000000 00000000 00000000"
            + "| 09000300 74756e30 00000000 | 08001d00 08000000"), get);
        Assert.Equal(Hex.Parse("28000000 1200 0103 01000000 00000000 | 00 00 0000 00000000 00000000 00000000"
            + "| 08001d00 08000000"), dump);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sixteen-chars-xx")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("tun:0")]
    [InlineData("..")]
    public void Names_the_kernel_would_refuse_are_rejected_before_sending(string name)
    {
        var error = Assert.Throws<VpnnsException>(() => Requests.Build(b => LinkRequests.Create(b, name, "dummy")));
        Assert.Equal("invalid device name", error.Operation);
        Assert.Equal(0, error.Errno);
    }

    [Fact]
    public void A_fifteen_character_name_is_the_longest_accepted()
    {
        byte[] bytes = Requests.Build(b => LinkRequests.Set(b, 3, newName: "abcdefghijklmno"));

        Assert.Equal(Hex.Parse("14000300 61626364 65666768 696a6b6c 6d6e6f00"), bytes[32..]);
    }
}
