using System.Collections.Immutable;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>One pppd script invocation of a link that opted in with <c>set VPNNS=name</c>, read and validated.</summary>
/// <param name="Tunnel">the link as pppd configured it; null for the down scripts (pppd has already torn it down)</param>
/// <param name="IsFinal">
/// whether this down script ends the namespace's use: always for <c>ip-down</c>; for <c>ipv6-down</c> only on a link
/// without IPv4 (no <c>IPLOCAL</c>), since otherwise <c>ip-down</c> follows for the same link and IPV6CP alone going
/// down must not delete the namespace under a live IPv4 link
/// </param>
/// <param name="Notes">values skipped while reading, each with its reason, for the log</param>
public sealed record PppEvent(
    PppScript Script,
    NamespaceName Name,
    DownPolicy DownPolicy,
    bool IsFinal,
    TunnelDescription? Tunnel,
    ImmutableArray<string> Notes) : ITunnelEvent
{
    public HookPhase Phase => Script.Phase;

    public string KeepReason =>
        DownPolicy == DownPolicy.Delete
            ? "keeping the namespace: the link still has IPv4, ip-down decides"
            : "keeping the namespace and its files (programs inside stay cut off; set VPNNS_DOWN=delete removes them)";
}
