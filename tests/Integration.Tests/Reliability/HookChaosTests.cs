using System.Diagnostics;
using Vpnns.Interop;
using Vpnns.Tests.Hooks;
using Vpnns.Vpn;
using Xunit;
using Xunit.Abstractions;

namespace Vpnns.Tests.Reliability;

/// <summary>
/// The real up hook killed at random moments and run many at once. Every run is either fully applied or
/// cleanly refused (one line, non-zero); afterwards there is one namespace per name, one mount of it, a
/// resolv.conf that is either absent or complete, and a normal up repairs whatever a killed one left.
/// </summary>
public sealed class HookChaosTests(ITestOutputHelper output)
{
    private static string Expected(string name) =>
        $"# Written by vpnns for namespace {name} from the VPN's settings; rewritten on every connect.\nnameserver 10.8.0.1\n";

    private static ulong Inode(string path) =>
        LibcCalls.TryStat(path, followSymlinks: false, out var status) == 0 ? status.Inode : throw new FileNotFoundException(path);

    private static int Mounts(string name) =>
        File.ReadLines("/proc/self/mountinfo").Count(l => l.Split(' ')[4] == "/run/netns/" + name);

    private static bool DeviceInside(string ns, string device) =>
        File.Exists("/run/netns/" + ns) && IpJson.Query(ns, "link", "show").Any(l => l.String("ifname") == device);

    /// <summary>What a user checks after the dust settles: nothing torn, nothing doubled.</summary>
    private static void AssertConsistent(string name, string device, bool mustBeUp, string? previous = null)
    {
        Assert.True(Mounts(name) <= 1, $"{name}: stacked mounts ({Mounts(name)})");
        string resolv = $"/etc/netns/{name}/resolv.conf";
        if (File.Exists(resolv))
            Assert.True(File.ReadAllText(resolv) is var text && (text.TrimEnd('\n') + "\n" == Expected(name) || text == previous || text.Length == 0 && previous is null), $"torn resolv.conf: {File.ReadAllText(resolv)}");
        string state = $"/run/vpnns/{name}.state";
        if (File.Exists(state) && File.ReadAllText(state) is { Length: > 0 } recorded)
            Assert.NotNull(TunnelState.Parse(recorded));
        if (mustBeUp)
        {
            Assert.Equal(1, Mounts(name));
            Assert.True(DeviceInside(name, device), $"{device} is not in {name}");
            Assert.Equal(Expected(name), File.ReadAllText(resolv));
            Assert.Contains(IpJson.Query(name, "route", "show"), r => r.String("dst") == "default" && r.String("dev") == device);
        }
    }

    private static void ResetToFirstConnect(HookHost host)
    {
        Cleanup.Namespace(host.VpnName);
        File.Delete($"/run/vpnns/{host.VpnName}.state");
        if (!IpJson.Query(host.Namespace, "link", "show").Any(l => l.String("ifname") == host.Device))
            ChildProcess.Ip("-n", host.Namespace, "tuntap", "add", "dev", host.Device, "mode", "tun");
    }

    private static (int ExitCode, string Stderr) Finish(Process p)
    {
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        int code = p.ExitCode;
        p.Dispose();
        return (code, stderr);
    }

    private static void AssertCleanRefusal(int code, string stderr)
    {
        Assert.NotEqual(0, code);
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("] ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, "expected one error line:\n" + stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>
    /// An admin's resolv.conf, longer than the one the hook writes: a rewrite cut short or not cut to length
    /// would show as a mix of the two.
    /// </summary>
    private static string Previous(int round) =>
        $"# the admin's servers, round {round}\nnameserver 192.0.2.53\nnameserver 192.0.2.54\nsearch example.org example.net\noptions edns0 timeout:2\n";

    [RootFact]
    public void An_up_killed_at_any_moment_is_repaired_by_the_next_up()
    {
        using var host = new HookHost();
        var random = new Random(20261206);
        int midRun = 0, oldKept = 0, newWhole = 0;
        const int rounds = 60;
        string resolv = $"/etc/netns/{host.VpnName}/resolv.conf";
        for (int round = 0; round < rounds; round++)
        {
            ResetToFirstConnect(host);
            // Every other round starts from an admin's resolv.conf, rewritten in place as the hook would.
            string? previous = round % 2 == 1 ? Previous(round) : null;
            ulong inode = 0;
            if (previous is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(resolv)!);
                using (var f = new FileStream(resolv, FileMode.OpenOrCreate, FileAccess.Write))
                {
                    f.SetLength(0);
                    f.Write(System.Text.Encoding.UTF8.GetBytes(previous));
                }
                inode = Inode(resolv);
            }
            var up = host.Start("up", host.UpEnvironment());
            Thread.Sleep(TimeSpan.FromMilliseconds(random.NextDouble() * 40));
            try
            {
                up.Kill();
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            var (code, _) = Finish(up);
            if (code == 137)
                midRun++;
            if (previous is not null)
            {
                // Old text or the whole new one (a shorter text may still carry its blank padding), same inode.
                string text = File.ReadAllText(resolv);
                bool isOld = text == previous, isNew = text.TrimEnd('\n') + "\n" == Expected(host.VpnName);
                Assert.True(isOld || isNew, $"round {round}: torn resolv.conf: {text}");
                Assert.Equal(inode, Inode(resolv));
                oldKept += isOld ? 1 : 0;
                newWhole += isNew ? 1 : 0;
            }
            AssertConsistent(host.VpnName, host.Device, mustBeUp: false, previous);

            host.Run("up", host.UpEnvironment()).EnsureSuccess($"round {round}: up after a kill");
            AssertConsistent(host.VpnName, host.Device, mustBeUp: true);
            if (previous is not null)
                Assert.Equal(inode, Inode(resolv));
        }
        output.WriteLine($"{rounds} rounds, {midRun} kills landed while the hook ran; over an admin's resolv.conf the old text stayed {oldKept} times, the whole new one was there {newWhole} times");
        Assert.True(midRun > rounds / 4, $"only {midRun} of {rounds} kills landed mid-run: the test did not test");
    }

    [RootFact]
    public void Thirty_two_ups_on_thirty_two_names_at_once_all_apply()
    {
        var hosts = Enumerable.Range(0, 32).Select(_ => new HookHost()).ToList();
        try
        {
            for (int round = 0; round < 2; round++)
            {
                hosts.ForEach(ResetToFirstConnect);
                var runs = hosts.Select(h => h.Start("up", h.UpEnvironment())).ToList();
                var results = runs.Select(Finish).ToList();

                for (int i = 0; i < hosts.Count; i++)
                {
                    Assert.True(results[i].ExitCode == 0, results[i].Stderr);
                    AssertConsistent(hosts[i].VpnName, hosts[i].Device, mustBeUp: true);
                }
            }
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    [RootFact]
    public void Eight_ups_on_one_name_at_once_one_applies_the_others_are_refused_cleanly()
    {
        var hosts = Enumerable.Range(0, 8).Select(_ => new HookHost()).ToList();
        string name = hosts[0].VpnName;
        try
        {
            for (int round = 0; round < 3; round++)
            {
                hosts.ForEach(ResetToFirstConnect);
                Cleanup.Namespace(name);
                File.Delete($"/run/vpnns/{name}.state");
                var runs = hosts.Select(h =>
                {
                    var env = h.UpEnvironment();
                    env["VPNNS_NAME"] = name;
                    return h.Start("up", env);
                }).ToList();
                var results = runs.Select(Finish).ToList();

                // Each brings a device named tun9: the first into the namespace wins, the others cannot join
                // under the same name and must go back where they came from.
                Assert.Single(results, r => r.ExitCode == 0);
                foreach (var (code, stderr) in results.Where(r => r.ExitCode != 0))
                    AssertCleanRefusal(code, stderr);
                for (int i = 0; i < hosts.Count; i++)
                {
                    bool home = IpJson.Query(hosts[i].Namespace, "link", "show").Any(l => l.String("ifname") == hosts[i].Device);
                    Assert.Equal(results[i].ExitCode != 0, home);
                }
                AssertConsistent(name, "tun9", mustBeUp: true);
            }
        }
        finally
        {
            Cleanup.Namespace(name);
            File.Delete($"/run/vpnns/{name}.state");
            hosts.ForEach(h => h.Dispose());
        }
    }

    [RootFact]
    public void Up_racing_a_deleting_down_ends_in_one_of_the_two_whole_states()
    {
        using var host = new HookHost();
        int upLast = 0, downLast = 0;
        for (int round = 0; round < 12; round++)
        {
            ResetToFirstConnect(host);
            if (round % 2 == 1)
                host.Run("up", host.UpEnvironment()).EnsureSuccess("earlier connection");
            var down = host.Start("down", host.DownEnvironment("delete"));
            var up = host.Start("up", host.UpEnvironment());
            var (downCode, downErr) = Finish(down);
            var (upCode, upErr) = Finish(up);

            Assert.True(downCode == 0, downErr);
            if (upCode != 0)
                AssertCleanRefusal(upCode, upErr);
            bool up_ = File.Exists("/run/netns/" + host.VpnName);
            if (up_)
            {
                upLast++;
                AssertConsistent(host.VpnName, host.Device, mustBeUp: true);
            }
            else
            {
                downLast++;
                Assert.False(File.Exists($"/run/vpnns/{host.VpnName}.state"), "state outlived its namespace");
                Assert.False(File.Exists($"/etc/netns/{host.VpnName}/resolv.conf"), "resolv.conf outlived its namespace");
            }
        }
        output.WriteLine($"up last {upLast} times, down last {downLast} times");
    }

    [RootFact]
    public void Vpnnsctl_add_and_delete_racing_an_up_never_stack_mounts_or_half_apply()
    {
        using var host = new HookHost();
        string vpnnsctl = TestEnvironment.Binary("vpnnsctl");
        for (int round = 0; round < 12; round++)
        {
            ResetToFirstConnect(host);
            var admin = new ProcessStartInfo(vpnnsctl) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            admin.ArgumentList.Add(round % 2 == 0 ? "add" : "delete");
            admin.ArgumentList.Add(host.VpnName);
            if (round % 2 == 1)
                host.Run("up", host.UpEnvironment()).EnsureSuccess("earlier connection");
            var up = host.Start("up", host.UpEnvironment());
            var ctl = Process.Start(admin)!;
            var (upCode, upErr) = Finish(up);
            var (ctlCode, ctlErr) = Finish(ctl);

            if (upCode != 0)
                AssertCleanRefusal(upCode, upErr);
            if (ctlCode != 0)
                Assert.Single(ctlErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(Mounts(host.VpnName) <= 1, "stacked mounts");
            if (upCode == 0 && File.Exists("/run/netns/" + host.VpnName) && DeviceInside(host.VpnName, host.Device))
                AssertConsistent(host.VpnName, host.Device, mustBeUp: true);
            else
                Assert.False(DeviceInside(host.VpnName, host.Device) && upCode != 0, "a refused up left its device inside");
            output.WriteLine($"round {round}: up {upCode} {upErr.Split('\n').LastOrDefault(l => l.Length > 0)} ctl {ctlCode} {ctlErr.Trim()} mounts {Mounts(host.VpnName)}");
        }
    }
}
