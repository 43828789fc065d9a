using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherAccessTests(InstalledLauncher launcher)
{
    private static string Denied(string name) =>
        $"vpnns-exec: permission denied: entering \"{name}\" needs membership in group \"vpnns\" or \"vpnns-{name}\"\n";

    [RootFact]
    public void A_user_in_no_vpnns_group_is_refused_with_the_groups_that_would_allow_it()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Outsider, ns.Name, "id");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal(Denied(ns.Name), r.Stderr);
        Assert.Empty(r.Stdout);
    }

    [RootFact]
    public void The_refusal_comes_before_the_namespace_is_even_looked_at()
    {
        var r = launcher.RunAs(Outsider, "vpnnst-absent", "id");
        Assert.Equal(Denied("vpnnst-absent"), r.Stderr);
    }

    [RootFact]
    public void A_namespace_group_opens_only_its_own_namespace()
    {
        using var mine = new LauncherNamespace();
        using var other = new LauncherNamespace();
        using var group = new NamespaceGroup(mine.Name);
        Assert.Equal(0, launcher.RunAs(Named, mine.Name, "true").ExitCode);
        var r = launcher.RunAs(Named, other.Name, "true");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal(Denied(other.Name), r.Stderr);
    }

    [RootFact]
    public void Check_answers_0_for_allowed_and_125_for_refused_and_runs_nothing()
    {
        using var ns = new LauncherNamespace();
        var allowed = launcher.RunAs(Member, "--check", ns.Name);
        Assert.Equal((0, "", ""), (allowed.ExitCode, allowed.Out, allowed.Stderr));
        var refused = launcher.RunAs(Outsider, "--check", ns.Name);
        Assert.Equal((125, Denied(ns.Name)), (refused.ExitCode, refused.Stderr));
        var missing = launcher.RunAs(Member, "--check", "vpnnst-absent");
        Assert.Equal(125, missing.ExitCode);
        Assert.Equal("vpnns-exec: cannot open network namespace \"vpnnst-absent\": No such file or directory\n", missing.Stderr);
    }

    [RootTheory]
    [InlineData("../../proc/1/ns/net")]
    [InlineData("-rf")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("x\ny")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Hostile_names_are_refused_before_anything_happens(string name)
    {
        var r = launcher.RunAs(Member, "--", name, "id");
        Assert.Equal(125, r.ExitCode);
        Assert.StartsWith("vpnns-exec: invalid namespace name: \"", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(r.Stdout);
    }

    [RootFact]
    public void Usage_errors_exit_125_with_one_line()
    {
        var r = launcher.RunAs(Member, "--frobnicate", "x", "id");
        Assert.Equal((125, "vpnns-exec: unknown option: \"--frobnicate\"\n"), (r.ExitCode, r.Stderr));
        Assert.Equal(125, launcher.RunAs(Member).ExitCode);
        var help = launcher.RunAs(Outsider, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("usage: vpnns-exec", help.Out);
    }
}
