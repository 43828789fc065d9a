using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Vpnns.Tests.Cli;

/// <summary>
/// `vpnnsctl check` against throwaway namespaces: a correct setup passes, and each leak made on purpose fails
/// with the item that names it. Nothing of the host's is touched: devices are created inside the namespace.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class CheckCommandTests
{
    private static ChildProcess.Result Ctl(params string[] args) => ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), args);

    /// <summary>A namespace, its /etc/netns directory and the processes started for it, all removed on dispose.</summary>
    private sealed class Testbed : IDisposable
    {
        private readonly IpNetns _ns = new();
        private readonly List<Process> _processes = [];

        public string Name => _ns.Name;

        public string Etc => "/etc/netns/" + Name;

        public string Ip(params string[] args) => ChildProcess.Ip(["-n", Name, .. args]);

        /// <summary>lo up, resolv.conf root 0644 naming <paramref name="server"/>.</summary>
        public Testbed(string server = "10.77.0.1")
        {
            Ip("link", "set", "lo", "up");
            WriteResolvConf("nameserver " + server + "\n");
        }

        public void WriteResolvConf(string text)
        {
            Directory.CreateDirectory(Etc);
            File.WriteAllText(Etc + "/resolv.conf", text);
            File.SetUnixFileMode(Etc + "/resolv.conf", (UnixFileMode)0x1a4);
        }

        /// <summary>A tun device held by socat (so it has a carrier), 10.77.0.2/24, default routes of both families through it.</summary>
        public string HeldTun()
        {
            string tun = TestNames.Device();
            Start("ip", "netns", "exec", Name, "socat", $"TUN:10.77.0.2/24,tun-name={tun},iff-up", "STDIO");
            Poll.Until(() => ChildProcess.Run("ip", "-n", Name, "link", "show", tun).ExitCode == 0
                && IpJson.Flags(Name, tun).Contains("LOWER_UP"), $"socat holding {tun}");
            Ip("route", "add", "default", "dev", tun);
            Ip("-6", "route", "add", "default", "dev", tun);
            return tun;
        }

        /// <summary>A long-running process; its stdin stays open (socat reads it) until dispose kills it.</summary>
        public Process Start(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in args)
                psi.ArgumentList.Add(a);
            var p = Process.Start(psi)!;
            _processes.Add(p);
            return p;
        }

        /// <summary>Starts COMMAND the given way and waits until it runs inside (its pid is listed by ip netns pids).</summary>
        public int StartInside(string file, params string[] args)
        {
            var p = Start(file, args);
            Poll.Until(() => Pids().Contains(p.Id) && Comm(p.Id) == "sleep", $"{file} inside {Name}");
            return p.Id;
        }

        private int[] Pids() => [.. ChildProcess.Ip("netns", "pids", Name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

        private static string? Comm(int pid) => File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : null;

        public string StateFile => $"/run/vpnns/{Name}.state";

        /// <summary>What the up hook records, naming <paramref name="device"/> and daemon pid <paramref name="pid"/>.</summary>
        public void WriteState(string device, int pid)
        {
            Directory.CreateDirectory("/run/vpnns");
            File.WriteAllText(StateFile, $"device={device}\ncreated_namespace=1\ncreated_etc_directory=0\ncreated_resolv_conf=0\n"
                + $"daemon=openvpn\nsource=/etc/openvpn/client/work.conf\nup_since=1765000000\npid={pid}\n");
        }

        public ChildProcess.Result Check(params string[] extra) => Ctl(["check", Name, .. extra]);

        public void Dispose()
        {
            foreach (var p in _processes)
            {
                try { p.Kill(entireProcessTree: true); p.WaitForExit(); } catch (InvalidOperationException) { }
                p.Dispose();
            }
            File.Delete(StateFile);
            _ns.Dispose();
        }
    }

    private static Dictionary<string, (string Verdict, string Reason)> Items(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            int space = line.IndexOf(' '), colon = line.IndexOf(": ", StringComparison.Ordinal);
            return (Id: line[(space + 1)..colon], Verdict: line[..space], Reason: line[(colon + 2)..]);
        }).ToDictionary(i => i.Id, i => (i.Verdict, i.Reason));

    private static string[] Failed(string text) => [.. Items(text).Where(i => i.Value.Verdict == "FAIL").Select(i => i.Key).Order()];

    [RootFact]
    public void A_correct_setup_passes_every_item_and_exits_0()
    {
        using var bed = new Testbed();
        string tun = bed.HeldTun();
        int sleep = bed.StartInside(TestEnvironment.Binary("vpnnsctl"), "exec", bed.Name, "sleep", "60");

        var r = bed.Check();
        Assert.Equal("", r.Stderr);
        Assert.Empty(Failed(r.Stdout));
        Assert.Equal(0, r.ExitCode);
        var items = Items(r.Stdout);
        Assert.Equal($"only via {tun} (all tables checked)", items["default-route-ipv4"].Reason);
        Assert.Equal($"only via {tun} (all tables checked)", items["default-route-ipv6"].Reason);
        Assert.Equal($"10.77.0.1 via {tun}", items["dns"].Reason);
        Assert.Equal($"{tun} is up and held by a process (carrier)", items["vpn-device"].Reason);
        Assert.Contains($"{sleep} sleep (root)", items["processes"].Reason);
        Assert.Contains("socat (root)", items["processes"].Reason);
        Assert.Equal($"all 2 processes read {bed.Etc}/resolv.conf", items["resolv-conf-seen"].Reason);
    }

    [RootFact]
    public void Json_carries_the_same_items_with_status_and_an_overall_verdict()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        var good = bed.Check("--json");
        Assert.Equal(0, good.ExitCode);
        using (var doc = JsonDocument.Parse(good.Stdout))
        {
            var root = doc.RootElement;
            Assert.Equal(bed.Name, root.GetProperty("name").GetString());
            Assert.True(root.GetProperty("passed").GetBoolean());
            var items = root.GetProperty("items").EnumerateArray().ToArray();
            Assert.Contains(items, i => i.GetProperty("id").GetString() == "dns");
            Assert.All(items, i => Assert.Equal("PASS", i.GetProperty("status").GetString()));
            Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("reason").GetString())));
            // The text output has exactly these items, in this order.
            Assert.Equal(items.Select(i => i.GetProperty("id").GetString()), Items(bed.Check().Stdout).Keys);
        }

        File.Delete(bed.Etc + "/resolv.conf");
        var bad = bed.Check("--json");
        Assert.Equal(1, bad.ExitCode);
        using var failed = JsonDocument.Parse(bad.Stdout);
        Assert.False(failed.RootElement.GetProperty("passed").GetBoolean());
        var dns = failed.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "dns");
        Assert.Equal("FAIL", dns.GetProperty("status").GetString());
        Assert.Contains("would read the host's /etc/resolv.conf", dns.GetProperty("reason").GetString());
    }

    [RootFact]
    public void A_veth_inside_with_default_routes_of_both_families_through_it_fails_three_items()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        string a = TestNames.Device(), b = TestNames.Device();
        bed.Ip("link", "add", a, "type", "veth", "peer", "name", b);
        bed.Ip("addr", "add", "192.0.2.2/24", "dev", a);
        bed.Ip("link", "set", b, "up");
        bed.Ip("link", "set", a, "up");
        bed.Ip("route", "add", "default", "via", "192.0.2.1", "dev", a, "metric", "5");
        bed.Ip("-6", "route", "add", "default", "dev", a, "metric", "5");

        var r = bed.Check();
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["default-route-ipv4", "default-route-ipv6", "other-device"], Failed(r.Stdout));
        var items = Items(r.Stdout);
        Assert.Equal($"default via 192.0.2.1 {a}", items["default-route-ipv4"].Reason);
        Assert.Equal($"default {a}", items["default-route-ipv6"].Reason);
        Assert.Contains($"{a} (veth) is up inside", items["other-device"].Reason);
        Assert.Contains($"{b} (veth) is up inside", items["other-device"].Reason);
    }

    [RootFact]
    public void A_default_route_in_another_table_is_found()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        string a = TestNames.Device(), b = TestNames.Device();
        bed.Ip("link", "add", a, "type", "veth", "peer", "name", b);
        bed.Ip("link", "set", a, "up");
        bed.Ip("route", "add", "default", "dev", a, "table", "100");

        var items = Items(bed.Check().Stdout);
        Assert.Equal(("FAIL", $"default {a} (table 100)"), items["default-route-ipv4"]);
    }

    [RootFact]
    public void Extra_policy_rules_are_listed_and_pass()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        bed.Ip("rule", "add", "priority", "100", "from", "10.0.0.0/8", "lookup", "100");
        var r = bed.Check();
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("ipv4 rule 100: from 10.0.0.0/8 lookup 100 (", Items(r.Stdout)["policy-rules"].Reason);
    }

    [RootFact]
    public void With_the_hooks_record_a_second_tun_is_another_device_and_a_dead_daemon_fails()
    {
        using var bed = new Testbed();
        string tun = bed.HeldTun();
        string stray = TestNames.Device();
        bed.Ip("tuntap", "add", "dev", stray, "mode", "tun");
        // A pid that runs, but not openvpn: what a reused pid looks like after the daemon died.
        int notOpenvpn = bed.StartInside(TestEnvironment.Binary("vpnnsctl"), "exec", bed.Name, "sleep", "60");
        bed.WriteState(tun, notOpenvpn);

        var r = bed.Check();
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["other-device", "vpn-daemon"], Failed(r.Stdout));
        var items = Items(r.Stdout);
        Assert.Equal($"{stray} (tun) is down inside", items["other-device"].Reason);
        Assert.Equal($"openvpn pid {notOpenvpn} is not running (/etc/openvpn/client/work.conf)", items["vpn-daemon"].Reason);
        Assert.Equal(("PASS", $"{tun} is up and held by a process (carrier)"), items["vpn-device"]);
    }

    [RootFact]
    public void A_tun_device_nobody_holds_is_not_live()
    {
        using var bed = new Testbed();
        string tun = TestNames.Device();
        bed.Ip("tuntap", "add", "dev", tun, "mode", "tun");
        Assert.Equal(("FAIL", $"{tun} is down"), Items(bed.Check().Stdout)["vpn-device"]);
        bed.Ip("link", "set", tun, "up");
        var r = bed.Check();
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(("FAIL", $"{tun} has no carrier: no process holds it"), Items(r.Stdout)["vpn-device"]);
    }

    [RootFact]
    public void A_missing_resolv_conf_fails_dns()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        File.Delete(bed.Etc + "/resolv.conf");
        var r = bed.Check();
        Assert.Equal(1, r.ExitCode);
        // socat, started by ip netns exec, still reads the removed file through its bind: named too.
        Assert.Equal(["dns", "resolv-conf-seen"], Failed(r.Stdout));
        Assert.Equal($"no {bed.Etc}/resolv.conf: programs inside would read the host's /etc/resolv.conf", Items(r.Stdout)["dns"].Reason);
    }

    [RootFact]
    public void A_resolv_conf_others_can_write_or_not_owned_by_root_fails_etc_files()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        string file = bed.Etc + "/resolv.conf";
        File.SetUnixFileMode(file, (UnixFileMode)0x1b6); // 0666
        var writable = bed.Check();
        Assert.Equal(1, writable.ExitCode);
        Assert.Equal(["etc-files"], Failed(writable.Stdout));
        Assert.Equal($"vpnns-exec would refuse: refusing to bind (writable by group or others): {file}", Items(writable.Stdout)["etc-files"].Reason);

        File.SetUnixFileMode(file, (UnixFileMode)0x1a4);
        ChildProcess.Run("chown", "65534", file).EnsureSuccess("chown");
        Assert.Equal(("FAIL", $"vpnns-exec would refuse: refusing to bind (not owned by root): {file}"), Items(bed.Check().Stdout)["etc-files"]);
    }

    [RootFact]
    public void A_nameserver_without_a_route_fails_dns()
    {
        using var bed = new Testbed(server: "192.0.2.53");
        string tun = TestNames.Device();
        bed.Ip("tuntap", "add", "dev", tun, "mode", "tun");
        bed.Ip("addr", "add", "10.77.0.2/24", "dev", tun);
        bed.Ip("link", "set", tun, "up"); // no default route: 192.0.2.53 is unreachable
        var r = bed.Check();
        Assert.Equal(("FAIL", "192.0.2.53: no route"), Items(r.Stdout)["dns"]);

        bed.WriteResolvConf("nameserver 127.0.0.53\n");
        Assert.StartsWith("127.0.0.53 is loopback", Items(bed.Check().Stdout)["dns"].Reason);
    }

    [RootFact]
    public void A_process_entered_without_a_private_mount_namespace_reads_another_resolv_conf()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        int pid = bed.StartInside("nsenter", $"--net=/run/netns/{bed.Name}", "sleep", "60");
        var r = bed.Check();
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["resolv-conf-seen"], Failed(r.Stdout));
        Assert.Equal($"pid {pid} sleep (root) shares the host's mount namespace: it reads the host's /etc/resolv.conf",
            Items(r.Stdout)["resolv-conf-seen"].Reason);
    }

    [RootFact]
    public void A_process_whose_resolv_conf_mount_was_detached_is_named()
    {
        using var bed = new Testbed();
        bed.HeldTun();
        // What a host rename does to `ip netns exec`'s bind, made by hand inside the program's own mount namespace.
        int pid = bed.StartInside("ip", "netns", "exec", bed.Name, "sh", "-c", "umount /etc/resolv.conf && exec sleep 60");
        var r = bed.Check();
        Assert.Equal(("FAIL", $"pid {pid} sleep (root) reads an /etc/resolv.conf that is not {bed.Etc}/resolv.conf (detached by a rename on the host, or never bound)"),
            Items(r.Stdout)["resolv-conf-seen"]);
    }

    [RootFact]
    public void A_missing_namespace_is_one_line_and_exit_2()
    {
        string name = TestNames.Namespace();
        var r = Ctl("check", name);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal($"vpnnsctl: no such network namespace: \"{name}\"\n", r.Stderr);
    }

    [Fact]
    public void Bad_usage_is_exit_2()
    {
        Assert.Equal(2, Ctl("check").ExitCode);
        var bad = Ctl("check", "../x");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, Ctl("check", "--help").ExitCode);
    }
}
