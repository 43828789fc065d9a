using Vpnns.Exec;
using Vpnns.Namespaces;
using Xunit;

namespace Vpnns.Tests.Exec;

public class LaunchPolicyTests
{
    private const uint Vpnns = 900, VpnnsWork = 901, Other = 902;
    private static readonly NamespaceName Work = NamespaceName.Parse("work");

    private static string? Refusal(Caller caller, uint? every = Vpnns, uint? one = VpnnsWork) =>
        LaunchPolicy.Refusal(caller, Work, every, one)?.Message;

    [Fact]
    public void Root_may_enter_even_when_no_vpnns_group_exists() =>
        Assert.Null(Refusal(new Caller(0, 0, []), every: null, one: null));

    [Fact]
    public void A_member_of_vpnns_may_enter_any_namespace() =>
        Assert.Null(Refusal(new Caller(1000, 1000, [27, Vpnns])));

    [Fact]
    public void A_member_of_vpnns_name_may_enter_that_namespace() =>
        Assert.Null(Refusal(new Caller(1000, 1000, [VpnnsWork])));

    [Fact]
    public void The_primary_group_counts_like_a_supplementary_one() =>
        Assert.Null(Refusal(new Caller(1000, Vpnns, [])));

    [Fact]
    public void Anyone_else_is_refused_with_the_groups_that_would_allow_it()
    {
        Assert.Equal("permission denied: entering \"work\" needs membership in group \"vpnns\" or \"vpnns-work\"",
            Refusal(new Caller(1000, 1000, [Other])));
        Assert.Equal(ExitCodes.LauncherFailure, LaunchPolicy.Refusal(new Caller(1, 1, []), Work, Vpnns, VpnnsWork)!.ExitCode);
    }

    [Fact]
    public void A_member_of_another_namespaces_group_is_refused() =>
        Assert.NotNull(Refusal(new Caller(1000, 1000, [VpnnsWork]), one: Other));

    [Fact]
    public void Missing_groups_allow_nobody_but_root() =>
        Assert.NotNull(Refusal(new Caller(1000, 1000, [Vpnns, VpnnsWork]), every: null, one: null));

    [Fact]
    public void The_per_namespace_group_is_named_after_the_namespace() =>
        Assert.Equal("vpnns-work", LaunchPolicy.GroupOf(Work));

    [Fact]
    public void Only_root_may_choose_the_user_or_group()
    {
        var withUser = new LaunchRequest(Work, [[0x69, 0x64]], []) { User = "alice" };
        Assert.Null(LaunchPolicy.IdentityOptionRefusal(new Caller(0, 0, []), withUser));
        Assert.Equal("permission denied: --user and --group are for root only",
            LaunchPolicy.IdentityOptionRefusal(new Caller(1000, 1000, [Vpnns]), withUser)!.Message);
        Assert.NotNull(LaunchPolicy.IdentityOptionRefusal(new Caller(1000, 1000, []), withUser with { User = null, Group = "g" }));
        Assert.Equal("invalid options: --group needs --user",
            LaunchPolicy.IdentityOptionRefusal(new Caller(0, 0, []), withUser with { User = null, Group = "g" })!.Message);
    }
}
