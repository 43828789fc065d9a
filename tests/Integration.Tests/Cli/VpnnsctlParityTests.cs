using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Vpnns.Tests.Cli;

/// <summary>vpnnsctl against ip netns on the same state: same output, and each sees what the other made.</summary>
public class VpnnsctlParityTests
{
    private static ChildProcess.Result Ctl(params string[] args) => ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), args);

    // Other tests create namespaces concurrently; compare only the lines about our own names.
    private static string[] LinesAbout(string output, params string[] names) =>
        output.Split('\n').Where(l => names.Any(n => l == n || l.StartsWith(n + " ") || l.EndsWith($"name: {n})"))).ToArray();

    // nsids are global to this namespace: pick one nobody uses rather than a fixed number.
    private static int FreeNsid()
    {
        string used = ChildProcess.Ip("netns", "list-id");
        while (true)
        {
            int id = Random.Shared.Next(100_000, 1_000_000_000);
            if (!used.Contains($"nsid {id} "))
                return id;
        }
    }

    [RootFact]
    public void List_prints_what_ip_netns_list_prints_including_nsids()
    {
        using var a = new IpNetns();
        using var b = new IpNetns();
        int id = FreeNsid();
        ChildProcess.Ip("netns", "set", a.Name, id.ToString());
        var ours = Ctl("list");
        Assert.Equal(0, ours.ExitCode);
        string ip = ChildProcess.Ip("netns", "list");
        Assert.Equal(LinesAbout(ip, a.Name, b.Name), LinesAbout(ours.Stdout, a.Name, b.Name));
        Assert.Contains($"{a.Name} (id: {id})", ours.Stdout.Split('\n'));
        Assert.Contains(b.Name, ours.Stdout.Split('\n'));
    }

    [RootFact]
    public void List_json_matches_ip_json()
    {
        using var a = new IpNetns();
        using var b = new IpNetns();
        int id = FreeNsid();
        ChildProcess.Ip("netns", "set", b.Name, id.ToString());
        string[] names = [a.Name, b.Name];
        var ours = JsonDocument.Parse(Ctl("list", "--json").EnsureSuccess("vpnnsctl list --json").Stdout).RootElement;
        var ip = JsonDocument.Parse(ChildProcess.Ip("-j", "netns", "list")).RootElement;
        static string[] Pick(JsonElement arr, string[] names) => arr.EnumerateArray()
            .Where(e => names.Contains(e.GetProperty("name").GetString())).Select(e => e.GetRawText()).ToArray();
        Assert.Equal(Pick(ip, names), Pick(ours, names));
        Assert.Contains($"{{\"name\":\"{b.Name}\",\"id\":{id}}}", Pick(ours, names));
    }

    [RootFact]
    public void Add_makes_a_namespace_ip_can_use_and_delete_removes_one_ip_made()
    {
        string name = TestNames.Namespace();
        try
        {
            Ctl("add", name).EnsureSuccess("vpnnsctl add");
            Assert.Equal("", ChildProcess.Ip("netns", "exec", name, "true"));
        }
        finally { Cleanup.Namespace(name); }

        using var made = new IpNetns();
        Ctl("delete", made.Name).EnsureSuccess("vpnnsctl delete");
        Assert.DoesNotContain(made.Name, ChildProcess.Ip("netns", "list"));
    }

    [RootFact]
    public void Set_assigns_the_nsid_ip_then_reports_and_list_id_matches_ip()
    {
        using var ns = new IpNetns();
        int id = FreeNsid();
        Ctl("set", ns.Name, id.ToString()).EnsureSuccess("vpnnsctl set");
        Assert.Contains($"{ns.Name} (id: {id})", ChildProcess.Ip("netns", "list").Split('\n'));
        var ours = Ctl("list-id").EnsureSuccess("vpnnsctl list-id");
        Assert.Contains($"nsid {id} (iproute2 netns name: {ns.Name})", ours.Stdout.Split('\n'));
        Assert.Equal(LinesAbout(ChildProcess.Ip("netns", "list-id"), ns.Name), LinesAbout(ours.Stdout, ns.Name));
        var json = Ctl("list-id", "--json").EnsureSuccess("vpnnsctl list-id --json").Stdout;
        Assert.Contains($"{{\"nsid\":{id},\"name\":\"{ns.Name}\"}}", json);
    }

    [RootFact]
    public void Set_auto_assigns_some_nsid_and_a_taken_nsid_is_refused()
    {
        using var a = new IpNetns();
        using var b = new IpNetns();
        Ctl("set", a.Name, "auto").EnsureSuccess("vpnnsctl set auto");
        Assert.Matches($"^{a.Name} \\(id: \\d+\\)$", Ctl("list").Stdout.Split('\n').Single(l => l.StartsWith(a.Name + " ")));
        Ctl("set", b.Name, FreeNsid().ToString()).EnsureSuccess("set b");
        var again = Ctl("set", a.Name, FreeNsid().ToString());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has a nsid", again.Stderr);
        var negative = Ctl("set", a.Name, "-5");
        Assert.Equal(2, negative.ExitCode);
    }

    [RootFact]
    public void Identify_and_pids_agree_with_ip()
    {
        using var ns = new IpNetns();
        using var sleeper = Process.Start("ip", ["netns", "exec", ns.Name, "sleep", "30"]);
        try
        {
            string pid = sleeper.Id.ToString();
            Poll.Until(() => ChildProcess.Ip("netns", "pids", ns.Name).Contains(pid), "sleep inside");
            Assert.Equal(ChildProcess.Ip("netns", "identify", pid), Ctl("identify", pid).Stdout);
            Assert.Equal(ns.Name + "\n", Ctl("identify", pid).Stdout);
            Assert.Equal(ChildProcess.Ip("netns", "pids", ns.Name), Ctl("pids", ns.Name).Stdout);
            Assert.Equal(ChildProcess.Ip("netns", "identify"), Ctl("identify").Stdout);
        }
        finally { sleeper.Kill(); sleeper.WaitForExit(); }
    }

    [RootFact]
    public void Attach_names_a_running_process_namespace()
    {
        string name = TestNames.Namespace();
        using var sleeper = Process.Start("unshare", ["--net", "sleep", "30"]);
        try
        {
            Poll.Until(() => File.ReadAllText($"/proc/{sleeper.Id}/comm").Trim() == "sleep", "unshare to exec sleep");
            Ctl("attach", name, sleeper.Id.ToString()).EnsureSuccess("vpnnsctl attach");
            Assert.Equal(name + "\n", ChildProcess.Ip("netns", "identify", sleeper.Id.ToString()));
        }
        finally
        {
            sleeper.Kill(); sleeper.WaitForExit();
            Cleanup.Namespace(name);
        }
    }

    [RootFact]
    public void Monitor_reports_add_and_delete()
    {
        var psi = new ProcessStartInfo(TestEnvironment.Binary("vpnnsctl"), "monitor") { RedirectStandardOutput = true };
        using var monitor = Process.Start(psi)!;
        string name = TestNames.Namespace();
        try
        {
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            monitor.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
            monitor.BeginOutputReadLine();
            // The watch starts after process start-up; keep creating until the first event is seen.
            Poll.Until(() =>
            {
                if (lines.Contains($"add {name}")) return true;
                Cleanup.Namespace(name);
                ChildProcess.Ip("netns", "add", name);
                return false;
            }, "monitor to report add");
            ChildProcess.Ip("netns", "delete", name);
            Poll.Until(() => lines.Contains($"delete {name}"), "monitor to report delete");
        }
        finally
        {
            monitor.Kill(); monitor.WaitForExit();
            Cleanup.Namespace(name);
        }
    }

    [RootFact]
    public void Exec_runs_inside_with_the_namespace_files_like_ip_netns_exec()
    {
        using var ns = new IpNetns();
        Directory.CreateDirectory($"/etc/netns/{ns.Name}");
        File.WriteAllText($"/etc/netns/{ns.Name}/resolv.conf", "nameserver 192.0.2.53\n");
        string[] probe = ["sh", "-c", "readlink /proc/self/ns/net; cat /etc/resolv.conf; ip -o link | cut -d: -f2"];
        var ours = Ctl(["exec", ns.Name, .. probe]);
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(ChildProcess.Ip(["netns", "exec", ns.Name, .. probe]), ours.Stdout);
        Assert.Contains("nameserver 192.0.2.53", ours.Stdout);
        Assert.EndsWith("nameserver 192.0.2.53\n lo\n", ours.Stdout); // only the namespace's own loopback
    }

    [RootFact]
    public void Exec_returns_the_command_status_and_127_for_a_missing_command()
    {
        using var ns = new IpNetns();
        Assert.Equal(7, Ctl("exec", ns.Name, "sh", "-c", "exit 7").ExitCode);
        var missing = Ctl("exec", ns.Name, "no-such-command-vpnns");
        Assert.Equal(127, missing.ExitCode);
        Assert.Equal("vpnnsctl: cannot run \"no-such-command-vpnns\": No such file or directory\n", missing.Stderr);
        Assert.Equal(125, Ctl("exec", TestNames.Namespace(), "true").ExitCode);
    }

    [RootFact]
    public void Exec_passes_options_after_the_name_to_the_command()
    {
        using var ns = new IpNetns();
        var r = Ctl("exec", ns.Name, "ip", "-o", "-4", "addr");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ChildProcess.Ip("netns", "exec", ns.Name, "ip", "-o", "-4", "addr"), r.Stdout);
    }

    [Theory]
    [InlineData("add", "a/b")]
    [InlineData("add", "..")]
    [InlineData("add", "-x")]
    [InlineData("add", "has space")]
    [InlineData("delete", "../etc")]
    [InlineData("attach", "x", "notapid")]
    [InlineData("set", "x", "many")]
    public void Bad_input_is_one_line_and_exit_2(params string[] args)
    {
        var r = Ctl(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("vpnnsctl: ", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [RootFact]
    public void Deleting_a_missing_namespace_fails_with_exit_1_naming_the_file()
    {
        string name = TestNames.Namespace();
        var r = Ctl("delete", name);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"vpnnsctl: cannot remove namespace file \"/run/netns/{name}\": No such file or directory\n", r.Stderr);
    }

    [Fact]
    public void Unknown_verbs_are_a_usage_error()
    {
        var r = Ctl("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("frobnicate", r.Stderr);
    }

    [Fact]
    public void Every_verb_has_help()
    {
        foreach (string verb in new[] { "list", "add", "delete", "set", "identify", "pids", "exec", "monitor", "list-id", "attach", "status" })
        {
            var r = Ctl(verb, "--help");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains(verb, r.Stdout);
        }
    }

    [Fact]
    public void Help_prints_the_usage_and_exits_zero_like_ip_netns_help()
    {
        var r = Ctl("help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout);
        foreach (string verb in new[] { "list", "add", "delete", "exec", "status" })
            Assert.Contains(verb, r.Stdout);

        var add = Ctl("help", "add");
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("add", add.Stdout);
        Assert.Equal("", add.Stderr);
    }
}
