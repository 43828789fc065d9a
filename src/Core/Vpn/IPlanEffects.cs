namespace Vpnns.Vpn;

/// <summary>
/// Where a plan's steps take effect: the kernel and files (<see cref="SystemEffects"/>), or a model of them
/// in tests, where any step can be made to fail. <see cref="PlanExecutor"/> owns the order, the journal and
/// the rollback; an implementation only performs one step or undoes one change.
/// </summary>
public interface IPlanEffects
{
    /// <summary>Performs <paramref name="step"/>; returns what it changed, or null when it changed nothing to undo.</summary>
    /// <param name="journal">what this run changed so far (the state step records it)</param>
    AppliedChange? Apply(PlanStep step, ApplyJournal journal);

    void Undo(AppliedChange change);
}
