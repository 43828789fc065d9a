using System.Net;
using System.Net.Sockets;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

public class AddressTextTests
{
    [Theory]
    [InlineData("10.8.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("192.0.2.10")]
    public void Dotted_quads_parse(string text)
    {
        Assert.True(AddressText.TryParseIPv4(text, out var address));
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("010.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.256")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.4;")]
    [InlineData("1.2.3.4\n")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1..3.4")]
    [InlineData("")]
    [InlineData("1234.1.1.1")]
    public void Inet_aton_shortcuts_and_garbage_are_not_IPv4(string text) =>
        Assert.False(AddressText.TryParseIPv4(text, out _));

    [Theory]
    [InlineData("fd00:8::1")]
    [InlineData("::1")]
    [InlineData("2001:db8::ffff:10.0.0.1")]
    public void IPv6_addresses_parse(string text) => Assert.True(AddressText.TryParseIPv6(text, out _));

    [Theory]
    [InlineData("fe80::1%eth0")]
    [InlineData("[fd00::1]")]
    [InlineData("fd00:::1")]
    [InlineData("fd00::1 ")]
    [InlineData("gggg::1")]
    [InlineData("1.2.3.4")]
    [InlineData("fd00::1\nnameserver 6.6.6.6")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    public void IPv6_garbage_is_refused(string text) => Assert.False(AddressText.TryParseIPv6(text, out _));

    [Theory]
    [InlineData("255.255.255.0", 24)]
    [InlineData("255.255.255.255", 32)]
    [InlineData("255.255.255.252", 30)]
    [InlineData("0.0.0.0", 0)]
    [InlineData("255.128.0.0", 9)]
    public void Contiguous_netmasks_give_their_prefix(string text, int expected)
    {
        Assert.True(AddressText.TryParseNetmask(text, out int prefix));
        Assert.Equal(expected, prefix);
    }

    [Theory]
    [InlineData("255.0.255.0")]
    [InlineData("0.255.255.255")]
    [InlineData("255.255.255.1")]
    [InlineData("24")]
    public void Holey_netmasks_are_refused(string text) => Assert.False(AddressText.TryParseNetmask(text, out _));

    [Theory]
    [InlineData("2001:db8:1::/48", true)]
    [InlineData("::/0", true)]
    [InlineData("2001:db8:1::1/48", false)]
    [InlineData("2001:db8:1::/129", false)]
    [InlineData("2001:db8:1::/048", false)]
    [InlineData("2001:db8:1::", false)]
    [InlineData("/48", false)]
    [InlineData("10.0.0.0/8", false)]
    public void IPv6_networks_need_a_clean_prefix(string text, bool valid) =>
        Assert.Equal(valid, AddressText.TryParseIPv6Network(text, out _));

    [Fact]
    public void Prefix_lengths_respect_the_family()
    {
        Assert.True(AddressText.TryParsePrefixLength("128", AddressFamily.InterNetworkV6, out _));
        Assert.False(AddressText.TryParsePrefixLength("33", AddressFamily.InterNetwork, out _));
        Assert.False(AddressText.TryParsePrefixLength("-1", AddressFamily.InterNetwork, out _));
    }

    [Theory]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::", false)]
    [InlineData("ff02::1", false)]
    [InlineData("10.8.0.1", true)]
    [InlineData("fd00::1", true)]
    public void Unicast_excludes_wildcards_broadcast_and_multicast(string text, bool unicast) =>
        Assert.Equal(unicast, AddressText.IsUnicast(IPAddress.Parse(text)));
}
