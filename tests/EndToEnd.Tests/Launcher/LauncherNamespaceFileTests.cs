using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherNamespaceFileTests(InstalledLauncher launcher)
{
    [RootFact]
    public void The_command_runs_in_the_namespace_identified_by_inode_with_its_own_sysfs()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Member, ns.Name, "sh", "-c", "readlink /proc/self/ns/net; ls /sys/class/net");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal($"{ns.Identity}\nlo\n", r.Out);
    }

    [RootFact]
    public void Nothing_the_launcher_mounts_is_visible_on_the_host()
    {
        using var ns = new LauncherNamespace();
        ns.WriteEtcFile("resolv.conf", "nameserver 192.0.2.1\n");
        string before = File.ReadAllText("/etc/resolv.conf");
        Assert.Equal(0, launcher.RunAs(Member, ns.Name, "true").ExitCode);
        Assert.Equal(before, File.ReadAllText("/etc/resolv.conf"));
        // Other tests add namespaces meanwhile, so look for our mounts only: the bind and the sysfs named after NAME.
        var ours = File.ReadAllLines("/proc/self/mountinfo")
            .Where(l => l.Contains(" /etc/resolv.conf ") || l.Contains($" - sysfs {ns.Name} "));
        Assert.Empty(ours);
    }

    private LaunchResult RunPlanted(string name) => launcher.RunAs(Member, name, "id");

    [RootFact]
    public void A_plain_file_planted_in_run_netns_is_refused()
    {
        string name = TestNames.Namespace();
        try
        {
            File.WriteAllText("/run/netns/" + name, "");
            var r = RunPlanted(name);
            Assert.Equal((125, $"vpnns-exec: not a network namespace (no namespace mounted there): /run/netns/{name}\n"),
                (r.ExitCode, r.Stderr));
        }
        finally { File.Delete("/run/netns/" + name); }
    }

    [RootFact]
    public void A_symlink_to_a_real_namespace_is_not_followed()
    {
        using var target = new LauncherNamespace();
        string name = TestNames.Namespace();
        try
        {
            File.CreateSymbolicLink("/run/netns/" + name, target.Path);
            var r = RunPlanted(name);
            Assert.Equal((125, $"vpnns-exec: not a network namespace: /run/netns/{name}\n"), (r.ExitCode, r.Stderr));
        }
        finally { File.Delete("/run/netns/" + name); }
    }

    [RootFact]
    public void A_fifo_is_refused_without_blocking_on_it()
    {
        string name = TestNames.Namespace();
        try
        {
            Run("mkfifo", "/run/netns/" + name).Require("mkfifo");
            var r = RunPlanted(name);
            Assert.Equal((125, $"vpnns-exec: not a network namespace: /run/netns/{name}\n"), (r.ExitCode, r.Stderr));
        }
        finally { File.Delete("/run/netns/" + name); }
    }

    [RootFact]
    public void A_directory_is_refused()
    {
        string name = TestNames.Namespace();
        try
        {
            Directory.CreateDirectory("/run/netns/" + name);
            Assert.Equal(125, RunPlanted(name).ExitCode);
        }
        finally { Directory.Delete("/run/netns/" + name); }
    }

    [RootFact]
    public void A_bind_mount_of_another_namespace_type_is_refused()
    {
        string name = TestNames.Namespace();
        string file = "/run/netns/" + name;
        try
        {
            File.WriteAllText(file, "");
            Run("mount", "--bind", "/proc/self/ns/uts", file).Require("mount");
            var r = RunPlanted(name);
            Assert.Equal((125, $"vpnns-exec: not a network namespace: {file}\n"), (r.ExitCode, r.Stderr));
        }
        finally
        {
            Run("umount", file);
            File.Delete(file);
        }
    }

    [RootFact]
    public void A_missing_namespace_is_reported_by_name()
    {
        var r = RunPlanted("vpnnst-absent");
        Assert.Equal((125, "vpnns-exec: cannot open network namespace \"vpnnst-absent\": No such file or directory\n"),
            (r.ExitCode, r.Stderr));
    }
}
