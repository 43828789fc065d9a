using System.Collections.Immutable;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// What <see cref="HookRunner"/> needs from one hook invocation, whichever daemon ran it: OpenVPN's and pppd's
/// readers each produce one, and from here on both take exactly the same path.
/// </summary>
public interface ITunnelEvent
{
    HookPhase Phase { get; }

    NamespaceName Name { get; }

    DownPolicy DownPolicy { get; }

    /// <summary>Whether a down ends the namespace's use (the daemon stops, rather than restarts or keeps the link).</summary>
    bool IsFinal { get; }

    /// <summary>The configured tunnel for an up; null for a down.</summary>
    TunnelDescription? Tunnel { get; }

    ImmutableArray<string> Notes { get; }

    /// <summary>The log line of a down that keeps the namespace, saying why in the daemon's terms.</summary>
    string KeepReason { get; }
}
