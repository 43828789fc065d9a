using Vpnns.Interop;
using System.Collections.Immutable;

namespace Vpnns.Vpn;

/// <summary>
/// pppd's <c>ip-up</c>, <c>ip-down</c>, <c>ipv6-up</c> and <c>ipv6-down</c>: read the event, take the per-name lock,
/// plan with the same planner as OpenVPN, apply. pppd runs these scripts without waiting and may start
/// <c>ip-down</c> while <c>ip-up</c> still runs (reference.md 2.1, pitfall 11); the lock makes them take turns.
/// pppd ignores the exit status, so a failed ip-up/ipv6-up also stops pppd (<see cref="PppDaemon"/>).
/// </summary>
public static class PppHook
{
    public static int Run(PppScript script, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, HookLog log, HookPaths paths)
    {
        try
        {
            return Apply(script, args, env, log, paths);
        }
        catch when (script.Phase == HookPhase.Up && PppNamespaceSelection.IsOptedIn(env))
        {
            PppDaemon.StopAfterFailedUp(env, log);
            throw;
        }
    }

    private static int Apply(PppScript script, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, HookLog log, HookPaths paths)
    {
        var e = PppEventReader.Read(script, args, env);
        if (e is null)
            return ExitCodes.Success; // not ours: these scripts run for every ppp link, dial-up and PPPoE included
        log.EnterNamespace(e.Name);
        log.Notes(e.Notes);
        using var exclusive = NamespaceLock.Acquire(paths, e.Name);
        var notes = new ParseNotes();
        var origin = TunnelOrigin.FromPpp(env, LibcCalls.ParentProcessId(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var plan = Plan(e, new TunnelStateStore(paths).Read(e.Name), notes, origin);
        log.Notes(notes.Lines);
        if (script.Phase == HookPhase.Down && plan.IsEmpty)
            log.Line(KeepReason(e));
        using var executor = new PlanExecutor(log, paths);
        executor.Apply(plan);
        return ExitCodes.Success;
    }

    /// <summary>The steps for one event; pure. Down steps depend on what the up scripts recorded.</summary>
    public static ImmutableArray<PlanStep> Plan(PppEvent e, TunnelState? state, ParseNotes? notes = null,
        TunnelOrigin? origin = null) =>
        e.Script.Phase == HookPhase.Up
            ? TunnelPlanner.ForUp(e.Tunnel!, e.Name, notes, origin)
            : TunnelPlanner.ForDown(e.Name, e.DownPolicy, e.IsFinal, state);

    private static string KeepReason(PppEvent e) =>
        e.DownPolicy == DownPolicy.Delete
            ? "keeping the namespace: the link still has IPv4, ip-down decides"
            : "keeping the namespace and its files (programs inside stay cut off; set VPNNS_DOWN=delete removes them)";
}
