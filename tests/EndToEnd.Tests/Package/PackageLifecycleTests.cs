using Xunit;

namespace Vpnns.Tests.Package;

/// <summary>
/// Install, upgrade, remove and purge the .deb in a throwaway Debian 12 root, checking after each step what an
/// admin would look at: the files, the launcher's mode, the group, dpkg's statoverride and package state.
/// </summary>
public sealed class PackageLifecycleTests
{
    private const string Exec = "/usr/bin/vpnns-exec";
    private static readonly string[] Programs =
    [
        "/usr/bin/vpnnsctl", Exec, "/usr/lib/vpnns/vpnns-hook",
        "/usr/lib/vpnns/up", "/usr/lib/vpnns/down", "/usr/lib/vpnns/ip-up", "/usr/lib/vpnns/ip-down",
        "/usr/lib/vpnns/ipv6-up", "/usr/lib/vpnns/ipv6-down",
        "/etc/ppp/ip-up.d/vpnns", "/etc/ppp/ip-down.d/vpnns", "/etc/ppp/ipv6-up.d/vpnns", "/etc/ppp/ipv6-down.d/vpnns",
        "/usr/share/man/man8/vpnnsctl.8.gz", "/usr/share/man/man1/vpnns-exec.1.gz", "/usr/share/man/man8/vpnns-hooks.8.gz",
        "/usr/share/bash-completion/completions/vpnnsctl", "/usr/share/bash-completion/completions/vpnns-exec",
        "/usr/share/doc/vpnns/copyright", "/usr/share/doc/vpnns/contrib/openvpn/client.conf",
        "/usr/share/doc/vpnns/contrib/ppp/peers/work", "/usr/share/doc/vpnns/contrib/systemd/service-in-namespace.conf",
        "/usr/share/vpnns/systemd/openvpn-vpnns.conf",
    ];

    [RootFact]
    public void InstallUpgradeRemovePurge_LeaveWhatAnAdminExpects()
    {
        using var root = new ThrowawayRoot();
        string deb = Stage(root, BuiltPackage.Path);
        string bumped = Stage(root, BuiltPackage.Bumped(root.HostDirectory, "+test1"));
        var before = VpnnsPaths(root);

        root.Must($"dpkg -i {deb}");
        AssertInstalled(root, BuiltPackage.Version);
        Assert.Equal("4755 root root", Mode(root));
        Assert.Equal($"root root 4755 {Exec}", root.Must($"dpkg-statoverride --list {Exec}").Trim());
        // The installed programs run (NativeAOT needs only glibc) and the ppp hooks ignore links that did not opt in.
        Assert.StartsWith(BuiltPackage.Version.Split('+')[0], root.Must("vpnnsctl --version"));
        root.Must("/etc/ppp/ip-up.d/vpnns ppp0 /dev/ttyS0 115200 10.0.0.1 10.0.0.2 ''");
        string gid = Group(root);

        // Reinstalling the same version, then upgrading to a newer one, keeps the group and the override.
        root.Must($"dpkg -i {deb}");
        AssertInstalled(root, BuiltPackage.Version);
        root.Must($"dpkg -i {bumped}");
        AssertInstalled(root, BuiltPackage.Version + "+test1");
        Assert.Equal("4755 root root", Mode(root));
        Assert.Equal(gid, Group(root));

        // An admin's settings file is not the package's to remove, on remove or on purge.
        root.Must("mkdir -p /etc/vpnns && echo 'down = delete' > /etc/vpnns/vpnns.conf");
        root.Must("dpkg --remove vpnns");
        Assert.Equal("rc", root.Must("dpkg-query -W -f '${db:Status-Abbrev}' vpnns").Trim());
        foreach (string path in Programs)
            Assert.False(Exists(root, path), $"{path} is left after remove");
        Assert.Equal(gid, Group(root));
        Assert.Equal($"root root 4755 {Exec}", root.Must($"dpkg-statoverride --list {Exec}").Trim());
        Assert.Equal("down = delete\n", root.Must("cat /etc/vpnns/vpnns.conf"));

        root.Must("dpkg --purge vpnns");
        Assert.NotEqual(0, root.Run("dpkg-query -W vpnns").ExitCode);
        Assert.NotEqual(0, root.Run("getent group vpnns").ExitCode);
        Assert.NotEqual(0, root.Run($"dpkg-statoverride --list {Exec}").ExitCode);
        Assert.Equal(["/etc/vpnns", "/etc/vpnns/vpnns.conf"], VpnnsPaths(root).Except(before).Order());
    }

    [RootFact]
    public void AdminStatOverride_SurvivesUpgrade_AndPurgeRemovesIt()
    {
        using var root = new ThrowawayRoot();
        string deb = Stage(root, BuiltPackage.Path);
        string bumped = Stage(root, BuiltPackage.Bumped(root.HostDirectory, "+test2"));
        root.Must($"dpkg -i {deb}");

        // The documented way to let only group vpnns run the launcher.
        root.Must($"dpkg-statoverride --remove {Exec} && dpkg-statoverride --update --add root vpnns 4750 {Exec}");
        Assert.Equal("4750 root vpnns", Mode(root));
        root.Must($"dpkg -i {bumped}");
        Assert.Equal("4750 root vpnns", Mode(root));
        Assert.Equal($"root vpnns 4750 {Exec}", root.Must($"dpkg-statoverride --list {Exec}").Trim());

        // A group with members is the admin's decision: purge keeps it (vpnns-hooks(8)/README), but drops the override.
        root.Must("useradd --no-create-home alice && adduser --quiet alice vpnns");
        root.Must("dpkg --purge vpnns");
        Assert.NotEqual(0, root.Run($"dpkg-statoverride --list {Exec}").ExitCode);
        Assert.Contains("alice", root.Must("getent group vpnns"));
    }

    [RootFact]
    public void SystemdUnitsFromContrib_AreInstalledWhereSystemdFindsThem()
    {
        using var root = new ThrowawayRoot();
        root.Must($"dpkg -i {Stage(root, BuiltPackage.Path)}");
        foreach (string unit in Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "contrib", "systemd"), "*.service"))
        {
            string installed = "/lib/systemd/system/" + Path.GetFileName(unit);
            Assert.Equal(File.ReadAllText(unit), root.Must($"cat {installed}"));
        }
        // The openvpn drop-in loosens a unit's sandbox: shipped for linking per connection, not active for all.
        Assert.False(Exists(root, "/lib/systemd/system/openvpn-client@.service.d/vpnns.conf"));
        Assert.False(Exists(root, "/usr/lib/systemd/system/openvpn-client@.service.d/vpnns.conf"));
    }

    private static string Stage(ThrowawayRoot root, string deb)
    {
        string name = Path.GetFileName(deb);
        string staged = Path.Combine(root.HostDirectory, name);
        if (Path.GetFullPath(deb) != staged)
            File.Copy(deb, staged, overwrite: true);
        return $"{ThrowawayRoot.Shared}/{name}";
    }

    private static void AssertInstalled(ThrowawayRoot root, string version)
    {
        Assert.Equal($"ii {version}", root.Must("dpkg-query -W -f '${db:Status-Abbrev}${Version}' vpnns").Replace("  ", " ").Trim());
        foreach (string path in Programs)
            Assert.True(Exists(root, path), $"{path} is missing after installing {version}");
    }

    /// <summary>Every path in the root whose name mentions vpnns.</summary>
    private static List<string> VpnnsPaths(ThrowawayRoot root) =>
        root.Must($"find / \\( -path /proc -o -path /dev -o -path {ThrowawayRoot.Shared} \\) -prune -o -name '*vpnns*' -print")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Mode(ThrowawayRoot root) => root.Must($"stat -c '%a %U %G' {Exec}").Trim();

    private static string Group(ThrowawayRoot root) => root.Must("getent group vpnns").Split(':')[2];

    private static bool Exists(ThrowawayRoot root, string path) => root.Run($"test -e {path} -o -L {path}").ExitCode == 0;
}
