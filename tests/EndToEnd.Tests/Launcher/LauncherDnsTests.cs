using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.DnsResponders;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

/// <summary>
/// "Programs inside use only that VPN's DNS", checked as a user would: a program keeps asking real DNS
/// servers for probe.test while the host rewrites its resolver configuration the ways dhclient,
/// resolvconf, NetworkManager and systemd-resolved do; every answer must come from the VPN's server.
/// </summary>
[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherDnsTests(InstalledLauncher launcher)
{
    // $0 is the stop file; one answer per line, "none" when the lookup failed.
    private const string LookupLoop =
        "while [ ! -e \"$0\" ]; do a=$(getent hosts probe.test | cut -d' ' -f1); echo \"${a:-none}\"; sleep 0.1; done";

    private string[] Launch(string via, string ns, params string[] options) => via switch
    {
        "vpnns-exec" => ["setpriv", .. AsUser(Member), launcher.Path, .. options, ns],
        "vpnnsctl exec" => [TestEnvironment.Binary("vpnnsctl"), "exec", ns],
        "ip netns exec" => ["ip", "netns", "exec", ns],
        _ => throw new ArgumentException(via),
    };

    /// <summary>The host's ways of rewriting its resolver configuration, each ending with the host's servers in effect.</summary>
    private static (string How, Action Rewrite)[] HostRewrites(FakeHost host)
    {
        string etcResolv = host.Etc + "/resolv.conf";
        string hostServers = ResolvConf(HostServer);
        return
        [
            ("in-place write of /etc/resolv.conf", () => FakeHost.WriteInPlace(etcResolv, hostServers + "# in place\n")),
            ("rename over /etc/resolv.conf", () => FakeHost.ReplaceByRename(etcResolv, hostServers)),
            ("resolvconf: symlink into /run, then rename over its target", () =>
            {
                FakeHost.WriteInPlace(host.Run("resolvconf/resolv.conf"), hostServers);
                FakeHost.ReplaceWithSymlink(etcResolv, host.Run("resolvconf/resolv.conf"));
                FakeHost.ReplaceByRename(host.Run("resolvconf/resolv.conf"), hostServers + "# renamed\n");
            }),
            ("NetworkManager: the symlink itself replaced", () =>
            {
                FakeHost.WriteInPlace(host.Run("NetworkManager/resolv.conf"), hostServers);
                FakeHost.ReplaceWithSymlink(etcResolv, host.Run("NetworkManager/resolv.conf"));
            }),
            ("systemd-resolved: rename over stub-resolv.conf", () =>
            {
                FakeHost.WriteInPlace(host.Run("systemd/resolve/stub-resolv.conf"), hostServers);
                FakeHost.ReplaceWithSymlink(etcResolv, host.Run("systemd/resolve/stub-resolv.conf"));
                FakeHost.ReplaceByRename(host.Run("systemd/resolve/stub-resolv.conf"), hostServers + "# renamed\n");
            }),
        ];
    }

    /// <summary>Applies each step and returns the answers the running program gave after it.</summary>
    private static List<(string How, string Answers)> AnswersAfterEach(RunningProgram program, IEnumerable<(string How, Action Do)> steps)
    {
        program.WaitForLines(0, 2, "the first answers");
        var seen = new List<(string, string)>();
        foreach (var (how, step) in steps)
        {
            step();
            // A line already being printed may predate the step: skip one, then judge the next three.
            int from = program.Lines.Count + 1;
            program.WaitForLines(from, 3, "answers after " + how);
            seen.Add((how, string.Join(' ', program.Lines.Skip(from).Take(3))));
        }
        return seen;
    }

    private static string Three(string answer) => $"{answer} {answer} {answer}";

    [RootTheory]
    [InlineData("vpnns-exec")]
    [InlineData("vpnnsctl exec")]
    public void A_running_program_keeps_the_vpns_dns_whatever_the_host_does_and_follows_a_reconnect(string via)
    {
        using var ns = new LauncherNamespace();
        using var dns = new DnsResponders(ns.Name);
        using var host = new FakeHost();
        FakeHost.WriteInPlace(host.Etc + "/resolv.conf", ResolvConf(HostServer));
        host.WriteNamespaceFile(ns.Name, "resolv.conf", ResolvConf(VpnServer));
        string namespaceResolv = host.Etc + "/netns/" + ns.Name + "/resolv.conf";
        var steps = HostRewrites(host).ToList();
        // The up hook rewrites the namespace's file in place (ResolvConfFile) when a reconnect pushes new servers.
        steps.Add(("reconnect with new servers", () => FakeHost.WriteInPlace(namespaceResolv, ResolvConf(VpnAfterReconnect))));

        using var program = host.Start([.. Launch(via, ns.Name), "sh", "-c", LookupLoop, host.Root + "/stop"]);
        var answers = AnswersAfterEach(program, steps);
        program.Stop(host.Root + "/stop");

        var expected = steps.Select(s => (s.How, Three(s.How.StartsWith("reconnect") ? VpnAfterReconnect.Answer : VpnServer.Answer)));
        Assert.Equal(expected, answers);
        Assert.DoesNotContain(HostServer.Answer, program.Lines);

        using var startedAfter = host.Start([.. Launch(via, ns.Name), "getent", "hosts", ProbeName]);
        startedAfter.WaitForLines(0, 1, "a lookup by a program started after the reconnect");
        Assert.StartsWith(VpnAfterReconnect.Answer + " ", startedAfter.Lines[0]);
    }

    /// <summary>The flaw being fixed, shown on iproute2 itself: the same harness catches `ip netns exec` reverting.</summary>
    [RootFact]
    public void Ip_netns_exec_reverts_to_the_hosts_servers_when_the_host_renames_its_resolv_conf()
    {
        using var ns = new LauncherNamespace();
        using var dns = new DnsResponders(ns.Name);
        using var host = new FakeHost();
        FakeHost.WriteInPlace(host.Etc + "/resolv.conf", ResolvConf(HostServer));
        host.WriteNamespaceFile(ns.Name, "resolv.conf", ResolvConf(VpnServer));

        using var program = host.Start([.. Launch("ip netns exec", ns.Name), "sh", "-c", LookupLoop, host.Root + "/stop"]);
        var answers = AnswersAfterEach(program,
            [("rename over /etc/resolv.conf", () => FakeHost.ReplaceByRename(host.Etc + "/resolv.conf", ResolvConf(HostServer)))]);
        program.Stop(host.Root + "/stop");

        Assert.Equal(VpnServer.Answer, program.Lines[0]);
        Assert.Equal([("rename over /etc/resolv.conf", Three(HostServer.Answer))], answers);
    }

    [RootFact]
    public void Host_daemon_sources_are_taken_out_of_nsswitch_hosts_unless_keep_dns()
    {
        using var ns = new LauncherNamespace();
        using var dns = new DnsResponders(ns.Name);
        using var host = new FakeHost();
        host.WriteNamespaceFile(ns.Name, "resolv.conf", ResolvConf(VpnServer));
        const string resolvedHost = "hosts: files mdns4_minimal [NOTFOUND=return] resolve [!UNAVAIL=return] myhostname dns\n";
        FakeHost.ReplaceByRename(host.Etc + "/nsswitch.conf", "passwd: files\ngroup: files\n" + resolvedHost);
        const string probe = "grep ^hosts: /etc/nsswitch.conf; getent hosts probe.test | cut -d' ' -f1";

        using var filtered = host.Start([.. Launch("vpnns-exec", ns.Name), "sh", "-c", probe]);
        filtered.WaitForLines(0, 2, "the filtered nsswitch.conf");
        Assert.Equal(["hosts: files myhostname dns", VpnServer.Answer], filtered.Lines);

        using var kept = host.Start([.. Launch("vpnns-exec", ns.Name, "--keep-dns"), "grep", "^hosts:", "/etc/nsswitch.conf"]);
        kept.WaitForLines(0, 1, "the host's nsswitch.conf");
        Assert.Equal([resolvedHost.TrimEnd()], kept.Lines);
    }

    [RootFact]
    public void The_private_etc_keeps_etc_paths_and_is_read_only_at_its_top_level()
    {
        using var ns = new LauncherNamespace();
        ns.WriteEtcFile("resolv.conf", ResolvConf(VpnServer));
        var r = ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "exec", ns.Name, "sh", "-c",
            "readlink -f /etc/resolv.conf; cat /etc/resolv.conf | head -1; test -f /etc/passwd && echo passwd;" +
            " touch /etc/vpnns-test-file 2>/dev/null || echo read-only");
        Assert.Equal((0, $"/etc/resolv.conf\nnameserver {VpnServer.Server}\npasswd\nread-only\n"), (r.ExitCode, r.Stdout));
        Assert.False(File.Exists("/etc/vpnns-test-file"));
    }
}

/// <summary>
/// A reconnect as the real up hook performs it: the same namespace, new servers written to
/// /etc/netns/NAME/resolv.conf. A program started before must follow them, which holds only while the hook
/// rewrites that file in place (the program's /etc/resolv.conf is a bind of that very inode).
/// </summary>
[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherReconnectTests(InstalledLauncher launcher)
{
    [RootFact]
    public void A_running_program_follows_the_servers_the_up_hook_writes_on_a_reconnect()
    {
        string openvpnNs = TestNames.Namespace(), vpn = TestNames.Namespace();
        string hooks = Directory.CreateTempSubdirectory("vpnns-hook-").FullName;
        File.SetUnixFileMode(hooks, (UnixFileMode)0x1ed);
        string stop = hooks + "/stop";
        try
        {
            ChildProcess.Ip("netns", "add", openvpnNs);
            ChildProcess.Ip("-n", openvpnNs, "tuntap", "add", "dev", "tun9", "mode", "tun");
            File.CreateSymbolicLink(hooks + "/up", TestEnvironment.Binary("vpnns-hook"));
            RunUp(hooks, openvpnNs, vpn, VpnServer.Server).EnsureSuccess("up");
            using var dns = new DnsResponders(vpn);
            using var program = new RunningProgram(["setpriv", .. AsUser(Member), launcher.Path, vpn, "sh", "-c",
                "while [ ! -e \"$0\" ]; do a=$(getent hosts probe.test | cut -d' ' -f1); echo \"${a:-none}\"; sleep 0.1; done", stop]);
            program.WaitForLines(0, 2, "answers before the reconnect");

            RunUp(hooks, openvpnNs, vpn, VpnAfterReconnect.Server).EnsureSuccess("up after the reconnect");
            int from = program.Lines.Count + 1;
            program.WaitForLines(from, 3, "answers after the reconnect");
            program.Stop(stop);

            Assert.Equal(VpnServer.Answer, program.Lines[0]);
            Assert.Equal(Enumerable.Repeat(VpnAfterReconnect.Answer, 3), program.Lines.Skip(from).Take(3));
        }
        finally
        {
            Cleanup.Namespace(vpn);
            Cleanup.Namespace(openvpnNs);
            File.Delete($"/run/vpnns/{vpn}.state");
            File.Delete($"/run/vpnns/{vpn}.lock");
            if (Directory.Exists("/etc/netns/" + vpn))
                Directory.Delete("/etc/netns/" + vpn, recursive: true);
            Directory.Delete(hooks, recursive: true);
        }
    }

    /// <summary>The hook as OpenVPN runs it: its six arguments, only OpenVPN's variables, in OpenVPN's network namespace.</summary>
    private static ChildProcess.Result RunUp(string hooks, string openvpnNs, string vpn, string dnsServer) =>
        ChildProcess.Run("nsenter", [$"--net=/run/netns/{openvpnNs}", "env", "-i", "script_type=up", "script_context=init",
            "config=/etc/openvpn/client/test.conf", "VPNNS_NAME=" + vpn, "dev=tun9", "dev_type=tun", "tun_mtu=1400",
            "ifconfig_local=10.8.0.2", "ifconfig_netmask=255.255.255.0", "foreign_option_1=dhcp-option DNS " + dnsServer,
            hooks + "/up", "tun9", "1400", "0", "10.8.0.2", "255.255.255.0", "init"], environment: null);
}
