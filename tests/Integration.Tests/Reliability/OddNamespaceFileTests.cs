using Vpnns.Tests.Hooks;
using Xunit;

namespace Vpnns.Tests.Reliability;

/// <summary>
/// What sits at /run/netns/NAME when it is not a mounted namespace. An empty file is the placeholder a crash
/// leaves and is repaired; anything else is someone's data: the up hook refuses it before changing anything,
/// and vpnnsctl delete removes it only with --force.
/// </summary>
public sealed class OddNamespaceFileTests : IDisposable
{
    private readonly HookHost _host = new();

    private string RunFile => "/run/netns/" + _host.VpnName;

    public void Dispose()
    {
        if (Directory.Exists(RunFile))
            Directory.Delete(RunFile, recursive: true);
        else if (File.Exists(RunFile) || new FileInfo(RunFile).LinkTarget is not null)
        {
            ChildProcess.Run("umount", RunFile);
            File.Delete(RunFile);
        }
        _host.Dispose();
    }

    private void AssertNothingChanged()
    {
        Assert.Contains(IpJson.Query(_host.Namespace, "link", "show"), l => l.String("ifname") == _host.Device);
        Assert.False(Directory.Exists($"/etc/netns/{_host.VpnName}"), "/etc/netns/NAME was created");
        Assert.False(File.Exists($"/run/vpnns/{_host.VpnName}.state"), "a state file was written");
    }

    [RootFact]
    public void A_regular_file_with_content_is_refused_in_one_line_and_kept()
    {
        Directory.CreateDirectory("/run/netns");
        File.WriteAllText(RunFile, "someone's notes\n");

        var up = _host.Run("up", _host.UpEnvironment());

        Assert.NotEqual(0, up.ExitCode);
        string line = Assert.Single(up.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("vpnns up: ", StringComparison.Ordinal) && !l.Contains("] "));
        Assert.Contains($"refusing to replace: {RunFile}: a regular file with 16 bytes, not a namespace or an empty placeholder", line);
        Assert.Equal("someone's notes\n", File.ReadAllText(RunFile));
        AssertNothingChanged();
    }

    [RootFact]
    public void A_directory_or_a_symlink_is_refused_too()
    {
        Directory.CreateDirectory(RunFile);
        var up = _host.Run("up", _host.UpEnvironment());
        Assert.NotEqual(0, up.ExitCode);
        Assert.Contains("a directory, not a namespace", up.Stderr);
        Assert.True(Directory.Exists(RunFile));
        AssertNothingChanged();
        Directory.Delete(RunFile);

        File.CreateSymbolicLink(RunFile, "/proc/1/ns/net");
        up = _host.Run("up", _host.UpEnvironment());
        Assert.NotEqual(0, up.ExitCode);
        Assert.Contains("a symbolic link, not a namespace", up.Stderr);
        Assert.Equal("/proc/1/ns/net", new FileInfo(RunFile).LinkTarget);
        AssertNothingChanged();
    }

    [RootFact]
    public void An_empty_placeholder_left_by_a_crash_is_repaired()
    {
        Directory.CreateDirectory("/run/netns");
        File.WriteAllBytes(RunFile, []);

        _host.Run("up", _host.UpEnvironment()).EnsureSuccess("up over a placeholder");

        Assert.Contains(IpJson.Query(_host.VpnName, "link", "show"), l => l.String("ifname") == _host.Device);
        Assert.Equal(1, File.ReadLines("/proc/self/mountinfo").Count(l => l.Split(' ')[4] == RunFile));
    }

    [RootFact]
    public void Vpnnsctl_delete_keeps_a_file_with_content_unless_forced()
    {
        Directory.CreateDirectory("/run/netns");
        File.WriteAllText(RunFile, "data\n");

        var refused = ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "delete", _host.VpnName);
        Assert.Equal(2, refused.ExitCode); // as for a live VPN: refused, not failed
        Assert.Equal($"vpnnsctl: refusing to delete: \"{RunFile}\": a regular file with 5 bytes, not a namespace (use --force to remove it)", refused.Stderr.Trim());
        Assert.True(File.Exists(RunFile));

        ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "delete", "--force", _host.VpnName).EnsureSuccess("delete --force");
        Assert.False(File.Exists(RunFile));
    }

    [RootFact]
    public void Vpnnsctl_add_refuses_a_file_with_content_a_directory_and_a_symlink_and_keeps_them()
    {
        string vpnnsctl = TestEnvironment.Binary("vpnnsctl");
        Directory.CreateDirectory("/run/netns");
        File.WriteAllText(RunFile, "data\n");
        var refused = ChildProcess.Run(vpnnsctl, "add", _host.VpnName);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal($"vpnnsctl: cannot create namespace file \"{RunFile}\": File exists", refused.Stderr.Trim());
        Assert.Equal("data\n", File.ReadAllText(RunFile));
        Assert.Equal(0, File.ReadLines("/proc/self/mountinfo").Count(l => l.Split(' ')[4] == RunFile));
        File.Delete(RunFile);

        Directory.CreateDirectory(RunFile);
        refused = ChildProcess.Run(vpnnsctl, "add", _host.VpnName);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("File exists", refused.Stderr);
        Assert.True(Directory.Exists(RunFile));
        Directory.Delete(RunFile);

        File.CreateSymbolicLink(RunFile, "/proc/1/ns/net");
        refused = ChildProcess.Run(vpnnsctl, "add", _host.VpnName);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("File exists", refused.Stderr);
        Assert.Equal("/proc/1/ns/net", new FileInfo(RunFile).LinkTarget);
    }

    [RootFact]
    public void Vpnnsctl_delete_keeps_a_directory_and_a_symlink_unless_forced()
    {
        string vpnnsctl = TestEnvironment.Binary("vpnnsctl");
        File.CreateSymbolicLink(RunFile, "/proc/1/ns/net");
        var refused = ChildProcess.Run(vpnnsctl, "delete", _host.VpnName);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"vpnnsctl: refusing to delete: \"{RunFile}\": a symbolic link, not a namespace (use --force to remove it)", refused.Stderr.Trim());
        ChildProcess.Run(vpnnsctl, "delete", "--force", _host.VpnName).EnsureSuccess("delete --force symlink");
        Assert.False(File.Exists(RunFile) || new FileInfo(RunFile).LinkTarget is not null, "the symlink is still there");
        Assert.True(File.Exists("/proc/1/ns/net"), "what the link pointed at is untouched");

        Directory.CreateDirectory(RunFile);
        File.WriteAllText(RunFile + "/keep", "x");
        refused = ChildProcess.Run(vpnnsctl, "delete", _host.VpnName);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("a directory, not a namespace", refused.Stderr);
        // --force unlinks as ip netns delete does; a directory cannot be unlinked, and stays with what is in it.
        var forced = ChildProcess.Run(vpnnsctl, "delete", "--force", _host.VpnName);
        Assert.NotEqual(0, forced.ExitCode);
        Assert.Equal($"vpnnsctl: cannot remove namespace file \"{RunFile}\": Is a directory", forced.Stderr.Trim());
        Assert.Equal("x", File.ReadAllText(RunFile + "/keep"));
    }

    [RootFact]
    public void Vpnnsctl_delete_still_removes_an_empty_placeholder_as_ip_netns_delete_does()
    {
        Directory.CreateDirectory("/run/netns");
        File.WriteAllBytes(RunFile, []);

        ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "delete", _host.VpnName).EnsureSuccess("delete placeholder");

        Assert.False(File.Exists(RunFile));
    }
}
