using System.Net;
using System.Text.Json;
using Vpnns.Interop;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class AddressTests
{
    private static JsonElement[] AddrInfo(NetlinkNamespace ns, string device) =>
        [.. IpJson.Query(ns.Name, "address", "show", "dev", device).Single().GetProperty("addr_info").EnumerateArray()];

    [RootFact]
    public void Ipv4_point_to_point_address_has_the_peer_as_ip_shows_it()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);

        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.6"), 32, IPAddress.Parse("10.8.0.5"));

        JsonElement address = AddrInfo(ns, tun).Single();
        Assert.Equal(("10.8.0.6", "10.8.0.5", 32), (address.String("local"), address.String("address"), address.GetProperty("prefixlen").GetInt32()));
        AddressInfo listed = ns.Client.ListAddresses(index).Single();
        Assert.Equal(new AddressInfo(index, IPAddress.Parse("10.8.0.6"), 32, IPAddress.Parse("10.8.0.5"), 0, listed.Flags, tun), listed);
    }

    [RootFact]
    public void Ipv4_subnet_address_adds_the_prefix_route()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        ns.Client.SetLinkUp(index, true);

        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24);

        JsonElement address = AddrInfo(ns, tun).Single();
        Assert.Equal(("10.8.0.2", 24), (address.String("local"), address.GetProperty("prefixlen").GetInt32()));
        Assert.Null(address.String("address"));
        Assert.Contains(IpJson.Query(ns.Name, "route", "show", "dev", tun), r => r.String("dst") == "10.8.0.0/24");
        Assert.Null(ns.Client.ListAddresses(index).Single().Peer);
    }

    [RootFact]
    public void Ipv6_address_is_usable_at_once_without_dad()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        ns.Client.SetLinkUp(index, true);

        ns.Client.AddAddress(index, IPAddress.Parse("fd00:8::2"), 64);

        JsonElement address = AddrInfo(ns, tun).Single(a => a.String("local") == "fd00:8::2");
        Assert.True(address.GetProperty("nodad").GetBoolean());
        Assert.False(address.TryGetProperty("tentative", out _));
        AddressInfo listed = ns.Client.ListAddresses(index).Single(a => a.Local.Equals(IPAddress.Parse("fd00:8::2")));
        Assert.Equal(64, listed.PrefixLength);
        Assert.Equal(0u, listed.Flags & 0x40);   // IFA_F_TENTATIVE
    }

    [RootFact]
    public void Duplicate_address_fails_with_the_kernel_text_and_the_device_name()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24);

        var error = Assert.Throws<VpnnsException>(() => ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24));

        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Equal("ipv4: Address already assigned", error.KernelDetail);
        Assert.Equal($"cannot add address 10.8.0.2/24 dev {tun}: File exists (ipv4: Address already assigned)", error.Message);
    }

    [RootFact]
    public void Delete_removes_exactly_the_named_address()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.6"), 32, IPAddress.Parse("10.8.0.5"));
        ns.Client.AddAddress(index, IPAddress.Parse("10.9.0.1"), 24);

        ns.Client.DeleteAddress(index, IPAddress.Parse("10.8.0.6"), 32, IPAddress.Parse("10.8.0.5"));

        Assert.Equal(["10.9.0.1"], AddrInfo(ns, tun).Select(a => a.String("local")));
        var error = Assert.Throws<VpnnsException>(() =>
            ns.Client.DeleteAddress(index, IPAddress.Parse("10.8.0.6"), 32, IPAddress.Parse("10.8.0.5")));
        Assert.Equal(Errno.EADDRNOTAVAIL, error.Errno);
    }

    [RootFact]
    public void Listing_300_addresses_reads_a_multi_part_dump_completely()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);
        for (int i = 0; i < 300; i++)
            ns.Client.AddAddress(index, IPAddress.Parse($"10.{20 + i / 250}.{i % 250}.1"), 24);

        IReadOnlyList<AddressInfo> mine = ns.Client.ListAddresses(index);
        IReadOnlyList<AddressInfo> all = ns.Client.ListAddresses();

        var expected = AddrInfo(ns, tun).Select(a => a.String("local")).Order();
        Assert.Equal(300, mine.Count);
        Assert.Equal(expected, mine.Select(a => a.Local.ToString()).Order());
        int everywhere = IpJson.Query(ns.Name, "address", "show").Sum(l => l.GetProperty("addr_info").GetArrayLength());
        Assert.Equal(everywhere, all.Count);
    }
}
