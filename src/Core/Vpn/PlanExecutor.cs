using System.Collections.Immutable;

namespace Vpnns.Vpn;

/// <summary>
/// Applies a plan step by step, logging each before it runs and journaling what it changed. On failure the
/// journal is undone newest first and the error rethrown, so a failed <c>up</c> leaves the system as it found
/// it (and OpenVPN stops rather than run unisolated). The journal is the only memory of the run.
/// </summary>
public sealed class PlanExecutor(HookLog log, IPlanEffects effects)
{
    public ApplyJournal Apply(ImmutableArray<PlanStep> plan)
    {
        var journal = new ApplyJournal();
        try
        {
            foreach (var step in plan)
            {
                log.Line(step.Describe());
                if (effects.Apply(step, journal) is { } change)
                    journal.Add(change);
            }
        }
        catch
        {
            RollBack(journal);
            throw;
        }
        return journal;
    }

    // Best effort by design: the step that failed is what the user must see; an undo that also fails is
    // logged on its own line and the remaining undos still run.
    private void RollBack(ApplyJournal journal)
    {
        for (int i = journal.Changes.Count - 1; i >= 0; i--)
        {
            var change = journal.Changes[i];
            log.Line("rollback: " + change.DescribeUndo());
            try
            {
                effects.Undo(change);
            }
            catch (VpnnsException e)
            {
                log.Line($"rollback failed: {e.Message}");
            }
            catch (IOException e)
            {
                log.Line($"rollback failed: {e.Message}");
            }
        }
    }
}
