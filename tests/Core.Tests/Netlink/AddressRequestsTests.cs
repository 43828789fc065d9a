using System.Net;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class AddressRequestsTests
{
    [Fact]
    public void Ipv4_peer_address_matches_the_40_verified_bytes()
    {
        // reference.md 4.10: `ip addr add 10.8.0.6 peer 10.8.0.5 dev vxh5`, ifindex 5, seq 1
        byte[] bytes = Requests.Build(b =>
            AddressRequests.Add(b, 5, IPAddress.Parse("10.8.0.6"), 32, IPAddress.Parse("10.8.0.5")));

        Assert.Equal(Hex.Parse(
            "28 00 00 00 14 00 05 06 01 00 00 00 00 00 00 00 02 20 00 00 05 00 00 00"
            + "08 00 02 00 0a 08 00 06 08 00 01 00 0a 08 00 05"), bytes);
    }

    [Fact]
    public void Ipv4_subnet_address_sends_the_own_address_as_local_and_address()
    {
        byte[] bytes = Requests.Build(b => AddressRequests.Add(b, 5, IPAddress.Parse("10.8.0.2"), 24));

        Assert.Equal(Hex.Parse("02 18 00 00 05000000 | 08000200 0a080002 | 08000100 0a080002"), bytes[16..]);
    }

    [Fact]
    public void Ipv6_address_is_added_without_duplicate_address_detection()
    {
        byte[] bytes = Requests.Build(b => AddressRequests.Add(b, 5, IPAddress.Parse("fd00:8::2"), 64));

        // reference.md 4.7: captured header 0a 40 02 00 05 00 00 00 (AF_INET6, /64, NODAD, index 5)
        Assert.Equal(64, bytes.Length);
        Assert.Equal(Hex.Parse("0a 40 02 00 05 00 00 00"), bytes[16..24]);
        Assert.Equal(Hex.Parse("14000200 fd000008 00000000 00000000 00000002"
            + "14000100 fd000008 00000000 00000000 00000002"), bytes[24..]);
    }

    [Fact]
    public void Delete_uses_deladdr_without_create_flags()
    {
        byte[] bytes = Requests.Build(b => AddressRequests.Delete(b, 5, IPAddress.Parse("10.8.0.2"), 24));

        Assert.Equal(Hex.Parse("28000000 1500 0500"), bytes[..8]);
        Assert.Equal(Hex.Parse("02 18 00 00 05000000"), bytes[16..24]);
    }

    [Fact]
    public void Dump_filters_by_device_index()
    {
        byte[] bytes = Requests.Build(b => AddressRequests.Dump(b, 9));

        Assert.Equal(Hex.Parse("18000000 1600 0103 01000000 00000000 | 00 00 00 00 09000000"), bytes);
    }

    [Theory]
    [InlineData("10.0.0.1", 33)]
    [InlineData("10.0.0.1", -1)]
    [InlineData("fd00::1", 129)]
    public void Prefix_longer_than_the_address_is_rejected(string address, int prefix)
    {
        var error = Assert.Throws<VpnnsException>(() =>
            Requests.Build(b => AddressRequests.Add(b, 1, IPAddress.Parse(address), prefix)));
        Assert.Equal("invalid prefix length", error.Operation);
    }

    [Fact]
    public void Peer_of_another_family_is_rejected()
    {
        Assert.Throws<VpnnsException>(() =>
            Requests.Build(b => AddressRequests.Add(b, 1, IPAddress.Parse("10.0.0.1"), 32, IPAddress.Parse("fd00::1"))));
    }
}
