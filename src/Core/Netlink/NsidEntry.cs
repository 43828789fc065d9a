namespace Vpnns.Netlink;

/// <summary>A namespace id known to the current namespace (RTM_NEWNSID).</summary>
/// <param name="Nsid">The id this namespace uses for the other one.</param>
/// <param name="CurrentNsid">NETNSA_CURRENT_NSID, sent only for queries naming a target namespace.</param>
public sealed record NsidEntry(int Nsid, int? CurrentNsid = null);
