using System.Collections.Immutable;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>One OpenVPN script invocation, read and validated from argv and the environment.</summary>
/// <param name="IsRestart">script_context=restart: the device survives (persist-tun + up-restart)</param>
/// <param name="Signal">OpenVPN's <c>signal</c> variable on down ("sigterm", "sigusr1", "ping-restart"…); "" if absent</param>
/// <param name="Tunnel">the device as configured by the server; null for down (the device may be gone)</param>
/// <param name="Notes">values skipped while reading, each with its reason, for the log</param>
public sealed record OpenVpnEvent(
    HookPhase Phase,
    NamespaceName Name,
    bool IsRestart,
    string Signal,
    DownPolicy DownPolicy,
    TunnelDescription? Tunnel,
    ImmutableArray<string> Notes) : ITunnelEvent
{
    /// <summary>
    /// True when OpenVPN is exiting rather than reconnecting. Soft restarts report their reason in <c>signal</c>
    /// (ping-restart, connection-reset, tls-error…), so anything not known to be final counts as a restart:
    /// deleting a namespace that the next <c>up</c> needs would only be worse.
    /// </summary>
    public bool IsFinal => !IsRestart && Signal is "" or "sigterm" or "sigint" or "exit-with-notification" or "ping-exit";

    public string KeepReason =>
        DownPolicy == DownPolicy.Delete
            ? $"keeping the namespace: OpenVPN is restarting (context {(IsRestart ? "restart" : "init")}, signal {Signal})"
            : "keeping the namespace and its files (programs inside stay cut off; setenv VPNNS_DOWN delete removes them)";
}
