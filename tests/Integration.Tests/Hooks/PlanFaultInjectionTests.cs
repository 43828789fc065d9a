using System.Collections.Immutable;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Hooks;

/// <summary>
/// The real executor against the real kernel, made to fail at every step k of an up plan, and sabotaged the
/// ways the outside world can (the name deleted or replaced by someone else, the device removed between two
/// steps). Afterwards the device, the namespaces and the files must be exactly as before, or — where the
/// world itself changed — nothing of this run may be left.
/// </summary>
public sealed class PlanFaultInjectionTests : IDisposable
{
    private const string Device = "tun7";
    private readonly IpNetns _hook = new();
    private readonly string _name = TestNames.Namespace();

    public PlanFaultInjectionTests()
    {
        ChildProcess.Ip("-n", _hook.Name, "tuntap", "add", "dev", Device, "mode", "tun");
    }

    public void Dispose()
    {
        Cleanup.Namespace(_name);
        File.Delete($"/run/vpnns/{_name}.state");
        File.Delete($"/run/vpnns/{_name}.lock");
        _hook.Dispose();
    }

    private ImmutableArray<PlanStep> Plan()
    {
        var env = new Dictionary<string, string>
        {
            ["script_type"] = "up", ["script_context"] = "init", ["config"] = "/etc/openvpn/client/test.conf",
            ["VPNNS_NAME"] = _name, ["dev"] = Device, ["dev_type"] = "tun", ["tun_mtu"] = "1400",
            ["ifconfig_local"] = "10.8.0.2", ["ifconfig_netmask"] = "255.255.255.0",
            ["ifconfig_ipv6_local"] = "fd00:8::1000", ["ifconfig_ipv6_netbits"] = "64",
            ["route_network_1"] = "10.9.0.0", ["route_netmask_1"] = "255.255.0.0", ["route_gateway_1"] = "10.8.0.1",
            ["foreign_option_1"] = "dhcp-option DNS 10.8.0.1",
        };
        var e = OpenVpnEventReader.Read(HookPhase.Up, [Device, "1400", "0", "10.8.0.2", "255.255.255.0", "init"], env);
        return TunnelPlanner.ForUp(e.Tunnel!, e.Name, origin: new TunnelOrigin("openvpn", "/etc/openvpn/client/test.conf", 4242, 1_700_000_000));
    }

    /// <summary>Runs the plan as the hook does, from a thread in the hook's namespace (where OpenVPN made the device).</summary>
    private (VpnnsException? Error, string Log) Run(ImmutableArray<PlanStep> plan, Func<int, PlanStep, bool> failBefore, Action<int, PlanStep>? sabotage = null)
    {
        var log = new StringWriter();
        using var hookNamespace = NamespaceHandle.Open(_hook.Path);
        var error = NamespaceThread.Run(hookNamespace, () =>
        {
            using var system = new SystemEffects(new HookLog(log, "up"), HookPaths.System);
            try
            {
                new PlanExecutor(new HookLog(log, "up"), new Sabotaged(system, failBefore, sabotage)).Apply(plan);
                return null;
            }
            catch (VpnnsException e)
            {
                return e;
            }
        });
        return (error, log.ToString());
    }

    /// <summary>Everything an up touches, as text an assertion can compare.</summary>
    private string Snapshot()
    {
        var text = new System.Text.StringBuilder();
        foreach (var link in IpJson.Query(_hook.Name, "addr", "show").Where(l => l.String("ifname") == Device))
        {
            text.Append($"hook: {Device} mtu {link.String("mtu")} flags {link.String("flags")}\n");
            foreach (var a in link.GetProperty("addr_info").EnumerateArray())
                text.Append($"hook addr {a.String("local")}\n");
        }
        string run = "/run/netns/" + _name;
        if (LibcCalls.TryStat(run, followSymlinks: false, out var ns) == 0)
        {
            text.Append($"netns {_name} inode {ns.Inode}\n");
            foreach (var link in IpJson.Query(_name, "link", "show"))
                text.Append($"inside: {link.String("ifname")} mtu {link.String("mtu")} flags {link.String("flags")}\n");
            foreach (var route in IpJson.Query(_name, "route", "show").Concat(IpJson.Query(_name, "-6", "route", "show")))
                text.Append($"inside route {route.String("dst")} dev {route.String("dev")}\n");
        }
        text.Append($"mounts of {run}: {File.ReadLines("/proc/self/mountinfo").Count(l => l.Split(' ')[4] == run)}\n");
        string etc = "/etc/netns/" + _name;
        if (Directory.Exists(etc))
            text.Append($"dir {etc}: {string.Join(',', Directory.GetFileSystemEntries(etc).Order())}\n");
        string resolv = etc + "/resolv.conf";
        if (File.Exists(resolv) && LibcCalls.TryStat(resolv, followSymlinks: false, out var file) == 0)
            text.Append($"resolv.conf inode {file.Inode}: {File.ReadAllText(resolv)}\n");
        string state = $"/run/vpnns/{_name}.state";
        if (File.Exists(state))
            text.Append($"state: {File.ReadAllText(state)}\n");
        return text.ToString();
    }

    [RootFact]
    public void A_failure_at_any_step_of_a_first_up_leaves_no_trace()
    {
        var plan = Plan();
        FailEachStepAndCompare(plan);
        Assert.Null(Run(plan, (_, _) => false).Error); // and without a fault the same plan applies
        Assert.Contains($"inside: {Device} mtu 1400", Snapshot());
    }

    [RootFact]
    public void A_failure_at_any_step_keeps_the_admins_namespace_and_resolv_conf_as_they_were()
    {
        ChildProcess.Ip("netns", "add", _name);
        Directory.CreateDirectory("/etc/netns/" + _name);
        File.WriteAllText($"/etc/netns/{_name}/resolv.conf", "nameserver 192.0.2.53 # the admin's\n");
        FailEachStepAndCompare(Plan());
    }

    [RootFact]
    public void A_failure_at_any_step_of_a_restart_leaves_the_running_configuration()
    {
        var plan = Plan();
        Assert.Null(Run(plan, (_, _) => false).Error);
        FailEachStepAndCompare(plan);
    }

    /// <summary>Fails step k for every k in turn; each time the system must be as it was before the run.</summary>
    private void FailEachStepAndCompare(ImmutableArray<PlanStep> plan)
    {
        string before = Snapshot();
        for (int k = 0; k < plan.Length; k++)
        {
            var (error, log) = Run(plan, (i, _) => i == k);

            Assert.NotNull(error);
            string after = Snapshot();
            if (after != before)
                throw Explain(k, plan, before, after, log);
        }
    }

    [RootFact]
    public void The_name_deleted_by_someone_else_mid_run_fails_the_up_and_the_device_comes_back()
    {
        var plan = Plan();
        string before = Snapshot();
        for (int k = 1; k < plan.Length; k++)
        {
            var (error, log) = Run(plan, (_, _) => false, (i, _) =>
            {
                if (i == k)
                    ChildProcess.Ip("netns", "delete", _name);
            });

            Assert.NotNull(error);
            Assert.Contains("namespace was removed or replaced while the hook ran", error!.Message);
            string after = Snapshot();
            if (after != before)
                throw Explain(k, plan, before, after, log);
        }
    }

    [RootFact]
    public void A_namespace_someone_else_put_under_the_name_mid_run_is_left_to_them()
    {
        var plan = Plan();
        int verify = plan.IndexOf(plan.Single(s => s is VerifyNamespace));
        var (error, _) = Run(plan, (_, _) => false, (i, _) =>
        {
            if (i == verify)
            {
                ChildProcess.Ip("netns", "delete", _name);
                ChildProcess.Ip("netns", "add", _name);
            }
        });

        Assert.NotNull(error);
        Assert.True(File.Exists("/run/netns/" + _name), "the other namespace was deleted by our rollback");
        Assert.DoesNotContain("UP", IpJson.Flags(_name, "lo")); // as `ip netns add` left it: our lo up was not there
        Assert.Contains(IpJson.Query(_hook.Name, "link", "show"), l => l.String("ifname") == Device); // ours came back
    }

    [RootFact]
    public void The_device_removed_between_two_steps_fails_in_one_line_and_leaves_nothing_of_the_run()
    {
        var plan = Plan();
        int moved = plan.IndexOf(plan.Single(s => s is MoveLink));
        for (int k = moved + 1; k < plan.Length; k++)
        {
            if (plan[k] is WriteResolvConf or RecordState or VerifyNamespace)
                continue; // steps that do not touch the device cannot notice it is gone
            var (error, _) = Run(plan, (_, _) => false, (i, _) =>
            {
                if (i == k)
                    ChildProcess.Ip("-n", _name, "link", "del", Device);
            });

            Assert.NotNull(error);
            Assert.DoesNotContain('\n', error!.Message);
            Assert.Contains(Device, error.Message);
            Assert.False(File.Exists("/run/netns/" + _name), $"step {k}: namespace left behind");
            Assert.False(Directory.Exists("/etc/netns/" + _name), $"step {k}: /etc/netns/{_name} left behind");
            Assert.False(File.Exists($"/run/vpnns/{_name}.state"), $"step {k}: state left behind");
            ChildProcess.Ip("-n", _hook.Name, "tuntap", "add", "dev", Device, "mode", "tun");
        }
    }

    private static Exception Explain(int k, ImmutableArray<PlanStep> plan, string before, string after, string log) =>
        new Xunit.Sdk.XunitException($"fault at step {k} ({plan[k].Describe()}) changed the system.\nbefore:\n{before}\nafter:\n{after}\nlog:\n{log}");

    /// <summary>The real effects, with a failure or an outside change injected before chosen steps.</summary>
    private sealed class Sabotaged(IPlanEffects inner, Func<int, PlanStep, bool> failBefore, Action<int, PlanStep>? sabotage) : IPlanEffects
    {
        private int _step;

        public AppliedChange? Apply(PlanStep step, ApplyJournal journal)
        {
            int index = _step++;
            sabotage?.Invoke(index, step);
            if (failBefore(index, step))
                throw new VpnnsException("injected failure at step", index.ToString());
            return inner.Apply(step, journal);
        }

        public void Undo(AppliedChange change) => inner.Undo(change);
    }
}
