using Vpnns.Interop;
namespace Vpnns.Vpn;

/// <summary>OpenVPN's <c>up</c> and <c>down</c>: read the event, take the per-name lock, plan, apply.</summary>
public static class OpenVpnHook
{
    public static int Run(HookPhase phase, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, HookLog log, HookPaths paths)
    {
        var e = OpenVpnEventReader.Read(phase, args, env);
        log.EnterNamespace(e.Name);
        log.Notes(e.Notes);
        if (phase == HookPhase.Down && !(e.DownPolicy == DownPolicy.Delete && e.IsFinal))
        {
            // Nothing to do, so touch nothing: after --user, down runs without any capability (reference.md 1.6)
            // and cannot even open the lock file, and a failing down turns a SIGUSR1 restart into an exit (1.7).
            log.Line(KeepReason(e));
            return ExitCodes.Success;
        }
        using var exclusive = NamespaceLock.Acquire(paths, e.Name);
        var notes = new ParseNotes();
        var plan = phase == HookPhase.Up
            ? TunnelPlanner.ForUp(e.Tunnel!, e.Name, notes,
                TunnelOrigin.FromOpenVpn(env, LibcCalls.ParentProcessId(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
            : TunnelPlanner.ForDown(e.Name, e.DownPolicy, e.IsFinal, new TunnelStateStore(paths).Read(e.Name));
        log.Notes(notes.Lines);
        using var executor = new PlanExecutor(log, paths);
        executor.Apply(plan);
        return ExitCodes.Success;
    }

    private static string KeepReason(OpenVpnEvent e) =>
        e.DownPolicy == DownPolicy.Delete
            ? $"keeping the namespace: OpenVPN is restarting (context {(e.IsRestart ? "restart" : "init")}, signal {e.Signal})"
            : "keeping the namespace and its files (programs inside stay cut off; setenv VPNNS_DOWN delete removes them)";
}
