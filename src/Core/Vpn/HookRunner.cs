namespace Vpnns.Vpn;

/// <summary>
/// The one path of every hook, OpenVPN's and pppd's alike: log the event, and unless a down has nothing to
/// do, take the per-name lock, plan, apply. A down that keeps the namespace touches nothing, not even the
/// lock: after OpenVPN's --user it runs without any capability (reference.md 1.6), and a failing down turns
/// a restart into an exit (1.7).
/// </summary>
public static class HookRunner
{
    public static int Run(ITunnelEvent e, TunnelOrigin origin, HookLog log, HookPaths paths)
    {
        log.EnterNamespace(e.Name);
        log.Notes(e.Notes);
        if (e.Phase == HookPhase.Down && !(e.DownPolicy == DownPolicy.Delete && e.IsFinal))
        {
            log.Line(e.KeepReason);
            return ExitCodes.Success;
        }
        using var exclusive = NamespaceLock.Acquire(paths, e.Name);
        var notes = new ParseNotes();
        var plan = e.Phase == HookPhase.Up
            ? TunnelPlanner.ForUp(e.Tunnel!, e.Name, notes, origin)
            : TunnelPlanner.ForDown(e.Name, e.DownPolicy, e.IsFinal, new TunnelStateStore(paths).Read(e.Name));
        log.Notes(notes.Lines);
        using var system = new SystemEffects(log, paths);
        new PlanExecutor(log, system).Apply(plan);
        return ExitCodes.Success;
    }
}
