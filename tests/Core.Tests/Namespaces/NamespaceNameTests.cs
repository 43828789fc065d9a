using Vpnns.Namespaces;
using Xunit;

namespace Vpnns.Tests.Namespaces;

public class NamespaceNameTests
{
    [Theory]
    [InlineData("work")]
    [InlineData("a")]
    [InlineData("corp.vpn-2_x")]
    [InlineData("A9")]
    public void Ordinary_names_are_accepted(string text) => Assert.Equal(text, NamespaceName.Parse(text).Value);

    [Fact]
    public void A_64_character_name_is_accepted() => Assert.True(NamespaceName.IsValid(new string('a', 64)));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("-x")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("wörk")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    public void Names_outside_the_contract_are_refused(string text)
    {
        var e = Assert.Throws<VpnnsException>(() => NamespaceName.Parse(text));
        Assert.StartsWith("invalid namespace name: \"", e.Message);
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_65_character_name_is_refused() => Assert.False(NamespaceName.IsValid(new string('a', 65)));
}
