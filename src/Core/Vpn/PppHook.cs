using Vpnns.Interop;
using System.Collections.Immutable;

namespace Vpnns.Vpn;

/// <summary>
/// pppd's <c>ip-up</c>, <c>ip-down</c>, <c>ipv6-up</c> and <c>ipv6-down</c>: read the event, then the common
/// <see cref="HookRunner"/> (lock, plan, apply), exactly as for OpenVPN. pppd runs these scripts without waiting and may start
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
        var origin = TunnelOrigin.FromPpp(env, LibcCalls.ParentProcessId(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return HookRunner.Run(e, origin, log, paths);
    }

    /// <summary>The steps for one event; pure. Down steps depend on what the up scripts recorded.</summary>
    public static ImmutableArray<PlanStep> Plan(PppEvent e, TunnelState? state, ParseNotes? notes = null,
        TunnelOrigin? origin = null) =>
        e.Script.Phase == HookPhase.Up
            ? TunnelPlanner.ForUp(e.Tunnel!, e.Name, notes, origin)
            : TunnelPlanner.ForDown(e.Name, e.DownPolicy, e.IsFinal, state);
}
