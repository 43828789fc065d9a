using Xunit;
using static Vpnns.Tests.PppEnvironment;

namespace Vpnns.Tests.Ppp;

/// <summary>The built pppd hooks on a stand-in ppp link: what a peer file with <c>set VPNNS=…</c> gets.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PppHookTests : IDisposable
{
    private readonly PppTestbed _bed = new();

    public void Dispose() => _bed.Dispose();

    private ChildProcess.Result IpUp(string device, params (string, string?)[] changes) =>
        _bed.Hook("ip-up", Args(device, Local, Remote), With(PppEnvironment.IpUp(device, _bed.Name), changes));

    private ChildProcess.Result IpDown(string device, params (string, string?)[] changes) =>
        _bed.Hook("ip-down", Args(device, Local, Remote), With(PppEnvironment.IpDown(device, _bed.Name), changes));

    private static void Succeeded(ChildProcess.Result r) => Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");

    [RootFact]
    public void Without_VPNNS_nothing_changes()
    {
        string link = _bed.NewLink();
        var r = _bed.Hook("ip-up", Args(link, Local, Remote), PppEnvironment.IpUp(link, vpnns: null));
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        Assert.Contains(link, _bed.InHost("link", "show", "dev", link));
        Assert.False(_bed.NamespaceExists);
        Assert.False(File.Exists($"/run/vpnns/{_bed.Name}.lock"));
    }

    [RootFact]
    public void Ip_up_moves_the_link_into_the_namespace_and_configures_it()
    {
        string link = _bed.NewLink();
        Succeeded(IpUp(link));

        Assert.DoesNotContain(link, _bed.InHost("-o", "link", "show"));
        Assert.Matches(@"<[^>]*\bUP\b", _bed.Inside("-o", "link", "show", "dev", link));
        Assert.Matches(@"<[^>]*\bUP\b", _bed.Inside("-o", "link", "show", "dev", "lo"));
        Assert.Contains($"inet {Local} peer {Remote}/32", _bed.Inside("-o", "-4", "address", "show", "dev", link));
        Assert.StartsWith($"default dev {link}", _bed.Inside("-4", "route", "show", "default"));
        Assert.Equal($"nameserver {Dns1}\nnameserver {Dns2}\n", NameserverLines(File.ReadAllText(_bed.ResolvConf)));
    }

    [RootFact]
    public void Ipv6_up_adds_the_link_local_pair_and_a_default_route_only_when_asked()
    {
        string link = _bed.NewLink();
        Succeeded(IpUp(link));
        var env = PppEnvironment.Ipv6Up(link, _bed.Name);
        Succeeded(_bed.Hook("ipv6-up", Args(link, LinkLocal, LinkRemote), env));
        Assert.Contains($"inet6 {LinkLocal} peer {LinkRemote}/128", _bed.Inside("-o", "-6", "address", "show", "dev", link));
        Assert.Equal("", _bed.Inside("-6", "route", "show", "default").Trim());

        Succeeded(_bed.Hook("ipv6-up", Args(link, LinkLocal, LinkRemote), With(env, ("VPNNS_IPV6_DEFAULT", "1"))));
        Assert.StartsWith($"default dev {link}", _bed.Inside("-6", "route", "show", "default"));
        Assert.Contains($"inet {Local} peer {Remote}/32", _bed.Inside("-o", "-4", "address", "show", "dev", link));
    }

    [RootFact]
    public void Ip_up_and_ipv6_up_started_together_take_turns()
    {
        string link = _bed.NewLink();
        var ipv4 = _bed.StartInHost(_bed.Entry("ip-up"), Args(link, Local, Remote), PppEnvironment.IpUp(link, _bed.Name));
        var ipv6 = _bed.StartInHost(_bed.Entry("ipv6-up"), Args(link, LinkLocal, LinkRemote), PppEnvironment.Ipv6Up(link, _bed.Name));
        Succeeded(PppTestbed.Wait(ipv4));
        Succeeded(PppTestbed.Wait(ipv6));
        string addresses = _bed.Inside("-o", "address", "show", "dev", link);
        Assert.Contains($"inet {Local} peer {Remote}/32", addresses);
        Assert.Contains($"inet6 {LinkLocal} peer {LinkRemote}/128", addresses);
    }

    [RootFact]
    public void Ip_down_keeps_the_namespace_and_its_files_by_default()
    {
        string link = _bed.NewLink();
        Succeeded(IpUp(link));
        var r = IpDown(link);
        Succeeded(r);
        Assert.Contains("keeping the namespace", r.Stderr);
        Assert.True(_bed.NamespaceExists);
        Assert.True(File.Exists(_bed.ResolvConf));
    }

    [RootFact]
    public void Ip_down_with_VPNNS_DOWN_delete_removes_the_namespace_and_its_files()
    {
        string link = _bed.NewLink();
        Succeeded(IpUp(link));
        Succeeded(IpDown(link, ("VPNNS_DOWN", "delete")));
        Assert.False(_bed.NamespaceExists);
        Assert.False(Directory.Exists($"/etc/netns/{_bed.Name}"));
        Assert.False(File.Exists($"/run/vpnns/{_bed.Name}.state"));
        Succeeded(IpDown(link, ("VPNNS_DOWN", "delete"))); // idempotent
    }

    [RootFact]
    public void A_reconnect_with_a_new_unit_reuses_the_namespace_and_the_resolv_conf_inode()
    {
        string first = _bed.NewLink();
        Succeeded(IpUp(first));
        var namespaceBefore = _bed.StatOf($"/run/netns/{_bed.Name}");
        var resolvBefore = _bed.StatOf(_bed.ResolvConf);
        _bed.Inside("link", "delete", first); // pppd closing the unit destroys the device wherever it is
        Succeeded(IpDown(first));

        string second = _bed.NewLink();
        Succeeded(IpUp(second, ("DNS1", "10.0.6.53"), ("DNS2", null)));
        Assert.True(namespaceBefore.IsSameObject(_bed.StatOf($"/run/netns/{_bed.Name}")));
        Assert.True(resolvBefore.IsSameObject(_bed.StatOf(_bed.ResolvConf)));
        Assert.Equal("nameserver 10.0.6.53\n", NameserverLines(File.ReadAllText(_bed.ResolvConf)));
        Assert.StartsWith($"default dev {second}", _bed.Inside("-4", "route", "show", "default"));
    }

    [RootFact]
    public void Debian_run_parts_runs_the_link_named_vpnns_with_the_wrapper_environment()
    {
        string link = _bed.NewLink();
        string directory = _bed.RunPartsDirectory("ip-up");
        File.WriteAllText(Path.Combine(directory, "vpnns.sh"), "#!/bin/sh\nexit 1\n");
        File.SetUnixFileMode(Path.Combine(directory, "vpnns.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(Path.Combine(directory, "vpnns") + "\n", ChildProcess.Run("/usr/bin/run-parts", "--test", directory).Stdout);

        string[] args = Args(link, Local, Remote);
        // /etc/ppp/ip-up: export PPP_*; run-parts /etc/ppp/ip-up.d --arg="$1" ... --arg="$6"
        var env = DebianWrapper(PppEnvironment.IpUp(link, _bed.Name), args);
        var r = _bed.RunInHost("/usr/bin/run-parts", [.. args.Select(a => "--arg=" + a), directory], env);
        Succeeded(r);
        Assert.Contains($"vpnns ip-up: [{_bed.Name}] link set {link} netns {_bed.Name}", r.Stderr);
        Assert.Contains($"inet {Local} peer {Remote}/32", _bed.Inside("-o", "-4", "address", "show", "dev", link));
    }

    [RootFact]
    public void A_hostile_IFNAME_is_refused_before_anything_changes()
    {
        string link = _bed.NewLink();
        string hostile = "../../run/netns/x";
        var r = _bed.Hook("ip-up", Args(hostile, Local, Remote), With(PppEnvironment.IpUp(link, _bed.Name), ("IFNAME", hostile)));
        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith($"\nvpnns ip-up: invalid device name: $1=\"{hostile}\"\n", r.Stderr);
        Assert.Contains("not stopping pid 4242: it is not pppd", r.Stderr);
        Assert.False(_bed.NamespaceExists);
        Assert.Contains(link, _bed.InHost("link", "show", "dev", link));
    }

    [RootFact]
    public void A_hostile_DNS1_is_skipped_with_a_logged_reason()
    {
        string link = _bed.NewLink();
        var r = IpUp(link, ("DNS1", "10.0.5.53\nnameserver 8.8.8.8"));
        Succeeded(r);
        Assert.Contains("invalid DNS1: \"10.0.5.53\\x0anameserver 8.8.8.8\": not a unicast IPv4 address; skipped", r.Stderr);
        Assert.Equal($"nameserver {Dns2}\n", NameserverLines(File.ReadAllText(_bed.ResolvConf)));
    }

    [RootFact]
    public void A_failed_ip_up_says_why_in_one_line_and_rolls_back()
    {
        string missing = $"ppp{Environment.ProcessId % 10000}999";
        var r = IpUp(missing);
        Assert.Equal(1, r.ExitCode);
        string last = r.Stderr.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith($"vpnns ip-up: cannot find device \"{missing}\"", last);
        Assert.Contains("rollback: netns delete", r.Stderr);
        Assert.False(_bed.NamespaceExists);
    }

    [RootFact]
    public void A_failed_ip_up_stops_pppd_so_the_link_cannot_stay_up_outside()
    {
        using var pppd = FakePppd.Start("pppd");
        string missing = $"ppp{Environment.ProcessId % 10000}998";
        var r = IpUp(missing, ("PPPD_PID", pppd.Pid.ToString()));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"stopping pppd (pid {pppd.Pid})", r.Stderr);
        Assert.True(pppd.WaitForExit(), "pppd still running after a failed ip-up");
        Assert.Equal(143, pppd.ExitCode); // killed by SIGTERM
    }

    [RootFact]
    public void A_failed_ip_up_never_signals_a_process_that_is_not_pppd()
    {
        using var other = FakePppd.Start("notpppd");
        string missing = $"ppp{Environment.ProcessId % 10000}997";
        var r = IpUp(missing, ("PPPD_PID", other.Pid.ToString()));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"not stopping pid {other.Pid}: it is not pppd", r.Stderr);
        Assert.False(other.WaitForExit(TimeSpan.FromMilliseconds(200)));
    }

    /// <summary>A sleeping process whose command name is chosen by the test, standing in for pppd.</summary>
    private sealed class FakePppd : IDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly string _dir;

        private FakePppd(System.Diagnostics.Process process, string dir) => (_process, _dir) = (process, dir);

        public int Pid => _process.Id;
        public int ExitCode => _process.ExitCode;

        public static FakePppd Start(string name)
        {
            string dir = Directory.CreateTempSubdirectory("vpnns-fakepppd").FullName;
            string exe = Path.Combine(dir, name);
            File.Copy("/bin/sleep", exe);
            File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var p = System.Diagnostics.Process.Start(exe, "60");
            Poll.Until(() => File.ReadAllText($"/proc/{p.Id}/comm").Trim() == name, "stand-in to start");
            return new FakePppd(p, dir);
        }

        public bool WaitForExit(TimeSpan? timeout = null) => _process.WaitForExit(timeout ?? TimeSpan.FromSeconds(20));

        public void Dispose()
        {
            if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(); }
            _process.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string NameserverLines(string resolvConf) =>
        string.Concat(resolvConf.Split('\n').Where(l => l.StartsWith("nameserver ")).Select(l => l + "\n"));
}
