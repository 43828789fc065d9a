using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherIdentityTests(InstalledLauncher launcher)
{
    private const string NoCapabilities = "0000000000000000";

    private static void AssertIsUser(string status, string user, string noNewPrivs = "0")
    {
        string uid = ProcStatus.Id("-u", user), gid = ProcStatus.Id("-g", user);
        Assert.Equal($"{uid} {uid} {uid} {uid}", ProcStatus.Field(status, "Uid"));
        Assert.Equal($"{gid} {gid} {gid} {gid}", ProcStatus.Field(status, "Gid"));
        Assert.Equal(ProcStatus.SortedGroups(ProcStatus.Id("-G", user)), ProcStatus.SortedGroups(ProcStatus.Field(status, "Groups")));
        foreach (string set in new[] { "CapInh", "CapPrm", "CapEff", "CapAmb" })
            Assert.Equal(NoCapabilities, ProcStatus.Field(status, set));
        Assert.Equal(noNewPrivs, ProcStatus.Field(status, "NoNewPrivs"));
    }

    [RootFact]
    public void A_vpnns_member_runs_as_themself_with_their_groups_and_no_capability()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Member, ns.Name, "cat", "/proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        AssertIsUser(r.Out, Member);
    }

    [RootFact]
    public void A_member_of_the_namespace_group_runs_as_themself()
    {
        using var ns = new LauncherNamespace();
        using var group = new NamespaceGroup(ns.Name);
        var r = launcher.RunAs(Named, ns.Name, "cat", "/proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertIsUser(r.Out, Named);
        string gid = InstalledLauncher.Run("getent", "group", group.Name).Require("getent").Out.Split(':')[2];
        Assert.Contains(gid, ProcStatus.Field(r.Out, "Groups").Split(' '));
    }

    [RootFact]
    public void No_new_privs_is_set_only_when_asked_for()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Member, "--no-new-privs", ns.Name, "cat", "/proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertIsUser(r.Out, Member, noNewPrivs: "1");
    }

    [RootFact]
    public void Root_keeps_root_and_its_capabilities_like_ip_netns_exec()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAsRoot(ns.Name, "cat", "/proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("0 0 0 0", ProcStatus.Field(r.Out, "Uid"));
        Assert.NotEqual(NoCapabilities, ProcStatus.Field(r.Out, "CapEff"));
    }

    [RootFact]
    public void Root_can_run_the_command_as_another_user_with_that_users_groups()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAsRoot("--user", Member, ns.Name, "cat", "/proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertIsUser(r.Out, Member);
    }

    [RootFact]
    public void Root_can_choose_the_primary_group_too()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAsRoot("--user=" + Member, "--group=vpnns", ns.Name, "cat", "/proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        string gid = InstalledLauncher.Run("getent", "group", "vpnns").Require("getent").Out.Split(':')[2];
        Assert.Equal($"{gid} {gid} {gid} {gid}", ProcStatus.Field(r.Out, "Gid"));
        Assert.Equal(ProcStatus.Id("-u", Member), ProcStatus.Field(r.Out, "Uid").Split(' ')[0]);
    }

    [RootFact]
    public void A_user_who_asks_for_another_identity_is_refused()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Member, "--user", "root", ns.Name, "id");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal("vpnns-exec: permission denied: --user and --group are for root only\n", r.Stderr);
        Assert.Empty(r.Stdout);
    }

    [RootFact]
    public void An_unknown_user_is_refused()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAsRoot("--user", "vpnnst-nobody-here", ns.Name, "id");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal("vpnns-exec: no such user: \"vpnnst-nobody-here\"\n", r.Stderr);
    }
}
