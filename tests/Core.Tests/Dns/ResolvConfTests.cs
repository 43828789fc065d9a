using System.Net;
using Vpnns.Dns;
using Vpnns.Namespaces;
using Xunit;

namespace Vpnns.Tests.Dns;

public class ResolvConfTests
{
    [Fact]
    public void Servers_then_search_line()
    {
        var dns = new DnsSettings([IPAddress.Parse("10.8.0.1"), IPAddress.Parse("fd00:8::1")], ["corp.example", "s1.example"]);
        Assert.Equal(
            "# Written by vpnns for namespace corp from the VPN's settings; rewritten on every connect.\n" +
            "nameserver 10.8.0.1\n" +
            "nameserver fd00:8::1\n" +
            "search corp.example s1.example\n",
            ResolvConf.Render(dns, NamespaceName.Parse("corp")));
    }

    [Fact]
    public void No_search_line_without_domains() =>
        Assert.DoesNotContain("search", ResolvConf.Render(new DnsSettings([IPAddress.Loopback], []), NamespaceName.Parse("x")).Split('\n')[1]);

    [Fact]
    public void More_than_three_servers_cannot_be_constructed() =>
        Assert.Throws<ArgumentException>(() => new DnsSettings(
            [IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3"), IPAddress.Parse("10.0.0.4")], []));

    [Theory]
    [InlineData("corp.example", true)]
    [InlineData("Corp.Example.", true)]
    [InlineData("_msdcs.corp.example", true)]
    [InlineData("a-b.c", true)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("a..b", false)]
    [InlineData("-a.b", false)]
    [InlineData("a-.b", false)]
    [InlineData("a b", false)]
    [InlineData("a#b", false)]
    [InlineData("ex\u00e4mple.com", false)]
    [InlineData("10.8.0", false)]
    [InlineData("corp.123", false)]
    public void Domain_syntax(string text, bool valid) => Assert.Equal(valid, DomainName.TryParse(text, out _));
}
