namespace Vpnns.Vpn;

/// <summary>
/// The changes one run has applied so far, oldest first: the single record of what this run did. Rollback
/// walks it backwards; <see cref="StateFor"/> turns it into what the state file keeps for down.
/// </summary>
public sealed class ApplyJournal
{
    private readonly List<AppliedChange> _changes = [];

    public IReadOnlyList<AppliedChange> Changes => _changes;

    public void Add(AppliedChange change) => _changes.Add(change);

    public bool CreatedNamespace => _changes.Exists(c => c is NamespaceCreated);

    /// <summary>What this run created for the connection on <paramref name="device"/>, to be merged with an earlier record.</summary>
    public TunnelState StateFor(string device, TunnelOrigin? origin)
    {
        var resolvConf = _changes.OfType<ResolvConfWritten>().LastOrDefault()?.Change;
        return new TunnelState(device, CreatedNamespace, resolvConf?.CreatedDirectory ?? false, resolvConf?.CreatedFile ?? false, origin);
    }
}
