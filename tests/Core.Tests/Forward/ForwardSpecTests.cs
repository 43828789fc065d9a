using System.Net;
using Vpnns.Forward;
using Xunit;

namespace Vpnns.Tests.Forward;

public class ForwardSpecTests
{
    [Theory]
    [InlineData("8080", "127.0.0.1:8080", 8080)]
    [InlineData("8080:80", "127.0.0.1:8080", 80)]
    [InlineData("0.0.0.0:8080:80", "0.0.0.0:8080", 80)]
    [InlineData("192.0.2.1:8080", "192.0.2.1:8080", 8080)]
    [InlineData("[::1]:8080:80", "[::1]:8080", 80)]
    [InlineData("[::]:8080", "[::]:8080", 8080)]
    [InlineData("65535:1", "127.0.0.1:65535", 1)]
    public void Valid_specs(string text, string listen, int insidePort)
    {
        var spec = ForwardSpec.Parse(text);

        Assert.Equal(IPEndPoint.Parse(listen), spec.Listen);
        Assert.Equal(insidePort, spec.InsidePort);
    }

    [Theory]
    [InlineData("", "invalid forward spec")]
    [InlineData("0", "invalid port: \"0\"")]
    [InlineData("65536", "invalid port: \"65536\"")]
    [InlineData("http", "invalid port: \"http\"")]
    [InlineData("localhost:8080", "invalid address: \"localhost\"")]
    [InlineData("8080:x", "invalid port: \"x\"")]
    [InlineData("8080:-1", "invalid port")]
    [InlineData("1.2.3:8080", "invalid address: \"1.2.3\"")]
    [InlineData("::1:8080", "an IPv6 address goes in brackets")]
    [InlineData("[::1:8080", "no closing \"]\"")]
    [InlineData("[::1]8080", "expected \":PORT\" after \"]\"")]
    [InlineData("[1.2.3.4]:80", "brackets hold an IPv6 address")]
    [InlineData("[fe80::1%eth0]:80", "a zone index is not supported")]
    [InlineData("1.2.3.4:1:2:3", "an IPv6 address goes in brackets")]
    [InlineData("080000", "invalid port")]
    public void Invalid_specs_say_what_is_wrong_in_one_line(string text, string expected)
    {
        var error = Assert.Throws<VpnnsException>(() => ForwardSpec.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
    }

    [Fact]
    public void The_inside_end_is_the_loopback_of_the_listening_family_first()
    {
        Assert.Equal([IPEndPoint.Parse("127.0.0.1:80"), IPEndPoint.Parse("[::1]:80")], ForwardSpec.Parse("8080:80").InsideTargets);
        Assert.Equal([IPEndPoint.Parse("[::1]:80"), IPEndPoint.Parse("127.0.0.1:80")], ForwardSpec.Parse("[::1]:8080:80").InsideTargets);
    }
}
