using System.Collections.Immutable;
using Vpnns.Vpn;
using Xunit;
using static Vpnns.Tests.PppEnvironment;

namespace Vpnns.Tests.Vpn;

/// <summary>
/// Every step k of every up plan is made to fail, against a model of the system in several starting states:
/// what the run changed before step k must be undone exactly, whatever was there before it must stay.
/// The same is done against the real kernel in Integration.Tests (PlanFaultInjectionTests there).
/// </summary>
public class PlanFaultInjectionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures => new() { "tun-subnet", "tun-net30", "tun-p2p", "tap", "ipv6-only", "dns-26", "ppp" };

    private static (ImmutableArray<PlanStep> Plan, string Name, string Device) Up(string fixture)
    {
        if (fixture == "ppp")
        {
            var ppp = PppEventReader.Read(PppScript.IpUp, Args("ppp0", Local, Remote), IpUp("ppp0", "work"))!;
            return (PppHook.Plan(ppp, state: null), ppp.Name.Value, ppp.Tunnel!.Device);
        }
        var env = OpenVpnEnv.Fixture(fixture);
        var e = OpenVpnEventReader.Read(HookPhase.Up, OpenVpnEnv.Args(env), env);
        return (TunnelPlanner.ForUp(e.Tunnel!, e.Name, origin: new TunnelOrigin("openvpn", "/etc/openvpn/client/x.conf", 4242, 1_700_000_000)),
            e.Name.Value, e.Tunnel!.Device);
    }

    /// <summary>The starting states a real up meets: first connection, a namespace and files made beforehand, a reconnect.</summary>
    private static IEnumerable<(string Label, ModelSystem System)> Starts(string name, string device)
    {
        yield return ("fresh", new ModelSystem { TargetName = name }.WithDevice(ModelSystem.Host, device, mtu: 1500));
        yield return ("admin made the namespace and resolv.conf", new ModelSystem { TargetName = name }
            .WithDevice(ModelSystem.Host, device, mtu: 1500).WithNamespace(name).WithResolvConf(name, "nameserver 192.0.2.53\n"));
        yield return ("reconnect with a new device", new ModelSystem { TargetName = name }
            .WithDevice(ModelSystem.Host, device, mtu: 1400).WithNamespace(name).WithResolvConf(name, "nameserver 10.8.0.1\n")
            .WithState(name, new TunnelState(device, CreatedNamespace: true, CreatedEtcDirectory: true, CreatedResolvConf: true)));
        yield return ("restart with the device still inside", new ModelSystem { TargetName = name }
            .WithNamespace(name).WithDevice(name, device, mtu: 1500).WithResolvConf(name, "nameserver 10.8.0.1\n"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_failure_at_any_step_leaves_the_system_exactly_as_it_was(string fixture)
    {
        var (plan, name, device) = Up(fixture);
        int injected = 0;
        foreach (var (label, _) in Starts(name, device))
        {
            for (int k = 0; k < plan.Length; k++)
            {
                var system = Starts(name, device).Single(s => s.Label == label).System;
                string before = system.Snapshot();
                system.FailAt = k;
                var log = new StringWriter();

                var error = Assert.Throws<VpnnsException>(() => new PlanExecutor(new HookLog(log, "up"), system).Apply(plan));

                Assert.Contains("injected failure", error.Message);
                Assert.True(before == system.Snapshot(), $"{fixture}, {label}, step {k} ({plan[k].Describe()}):\nbefore:\n{before}\nafter:\n{system.Snapshot()}\nlog:\n{log}");
                injected++;
            }
        }
        Assert.Equal(plan.Length * Starts(name, device).Count(), injected);
        output.WriteLine($"{fixture}: {injected} faults injected and undone");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Without_a_failure_every_step_runs_and_the_state_says_what_the_run_created(string fixture)
    {
        var (plan, name, device) = Up(fixture);
        var system = Starts(name, device).First().System;

        var journal = new PlanExecutor(new HookLog(TextWriter.Null, "up"), system).Apply(plan);

        Assert.Equal(plan.Length, system.StepsRun);
        Assert.True(journal.CreatedNamespace);
        var state = system.State(name)!;
        Assert.True(state.CreatedNamespace);
        Assert.Equal(system.HasResolvConf(name), state.CreatedResolvConf);
        Assert.Contains(journal.Changes, c => c is LinkMoved m && m.Device == device);
    }

    [Fact]
    public void Files_the_admin_made_are_not_claimed_so_down_leaves_them()
    {
        var (plan, name, device) = Up("tun-subnet");
        var system = Starts(name, device).Single(s => s.Label.StartsWith("admin", StringComparison.Ordinal)).System;
        var log = new HookLog(TextWriter.Null, "up");

        new PlanExecutor(log, system).Apply(plan);
        var state = system.State(name)!;
        new PlanExecutor(log, system).Apply(TunnelPlanner.ForDown(Vpnns.Namespaces.NamespaceName.Parse(name), DownPolicy.Delete, isFinal: true, state));

        Assert.False(state.CreatedNamespace);
        Assert.False(state.CreatedResolvConf);
        Assert.False(system.HasNamespace(name)); // VPNNS_DOWN=delete removes the name whoever made it (interface.md)
        Assert.True(system.HasResolvConf(name));
        Assert.Null(system.State(name));
    }

    [Fact]
    public void Down_removes_what_up_recorded_as_its_own()
    {
        var (plan, name, device) = Up("tun-subnet");
        var system = Starts(name, device).First().System;
        var log = new HookLog(TextWriter.Null, "up");

        new PlanExecutor(log, system).Apply(plan);
        new PlanExecutor(log, system).Apply(TunnelPlanner.ForDown(Vpnns.Namespaces.NamespaceName.Parse(name), DownPolicy.Delete, isFinal: true, system.State(name)));

        Assert.False(system.HasNamespace(name));
        Assert.False(system.HasResolvConf(name));
        Assert.False(system.HasEtcDirectory(name));
        Assert.Null(system.State(name));
    }

    [Fact]
    public void A_rollback_step_that_fails_is_logged_and_the_others_still_run()
    {
        var (plan, name, device) = Up("tun-subnet");
        var system = Starts(name, device).First().System;
        system.FailAt = plan.Length - 1;
        system.FailingUndo = typeof(AddressAdded);
        var log = new StringWriter();

        Assert.Throws<VpnnsException>(() => new PlanExecutor(new HookLog(log, "up"), system).Apply(plan));

        Assert.Contains("rollback failed: injected undo failure", log.ToString());
        Assert.Contains("rollback: netns delete", log.ToString());
        Assert.False(system.HasNamespace(name));
        Assert.False(system.HasResolvConf(name));
    }

    [Fact]
    public void A_restart_journals_nothing_it_did_not_change()
    {
        var (plan, name, device) = Up("tun-subnet");
        var system = Starts(name, device).Single(s => s.Label.StartsWith("restart", StringComparison.Ordinal)).System;
        var log = new HookLog(TextWriter.Null, "up");
        new PlanExecutor(log, system).Apply(plan);
        string configured = system.Snapshot();

        var again = new PlanExecutor(log, system).Apply(plan);

        Assert.Equal(configured, system.Snapshot());
        Assert.All(again.Changes, c => Assert.IsType<ResolvConfWritten>(c));
    }
}
