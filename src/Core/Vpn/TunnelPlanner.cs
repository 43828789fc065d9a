using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>Turns a tunnel description (from any VPN software) into the steps that isolate it. Pure.</summary>
public static class TunnelPlanner
{
    private static readonly IPNetwork DefaultIPv4 = new(IPAddress.Any, 0);
    private static readonly IPNetwork DefaultIPv6 = new(IPAddress.IPv6Any, 0);

    /// <summary>
    /// Namespace, loopback, move, MTU, up, addresses, every route, the default routes through the VPN for each
    /// family the tunnel carries (IPv6 unless the tunnel opts out), DNS, state, and a last check that the name is still ours — in the order the kernel needs them.
    /// </summary>
    public static ImmutableArray<PlanStep> ForUp(TunnelDescription tunnel, NamespaceName name, ParseNotes? notes = null,
        TunnelOrigin? origin = null)
    {
        notes ??= new ParseNotes();
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(new EnsureNamespace(name));
        steps.Add(new SetLinkUp("lo"));
        steps.Add(new MoveLink(tunnel.Device, name));
        if (tunnel.Mtu is int mtu)
            steps.Add(new SetMtu(tunnel.Device, mtu));
        steps.Add(new SetLinkUp(tunnel.Device));
        if (tunnel.IPv4 is { } ipv4)
            steps.Add(new AddAddress(tunnel.Device, ipv4));
        if (tunnel.IPv6 is { } ipv6)
            steps.Add(new AddAddress(tunnel.Device, ipv6));
        steps.AddRange(RoutesFor(tunnel, notes));
        if (tunnel.Dns is { } dns)
            steps.Add(new WriteResolvConf(name, dns));
        steps.Add(new RecordState(name, tunnel.Device, origin));
        steps.Add(new VerifyNamespace(name));
        return steps.ToImmutable();
    }

    /// <summary>
    /// Nothing unless the policy is <see cref="DownPolicy.Delete"/> and the VPN is really stopping: a restart
    /// comes back to the same namespace, and deleting it under a persisted device makes OpenVPN spin (reference 1.8).
    /// </summary>
    public static ImmutableArray<PlanStep> ForDown(NamespaceName name, DownPolicy policy, bool isFinal, TunnelState? state)
    {
        if (policy != DownPolicy.Delete || !isFinal)
            return [];
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(new DeleteNamespace(name));
        if (state is { CreatedResolvConf: true })
            steps.Add(new RemoveResolvConf(name, state.CreatedEtcDirectory));
        steps.Add(new ForgetState(name));
        return steps.ToImmutable();
    }

    private static List<AddRoute> RoutesFor(TunnelDescription tunnel, ParseNotes notes)
    {
        var routes = new List<AddRoute>();
        foreach (var pushed in tunnel.Routes)
        {
            if (TryRoute(tunnel, pushed, notes, out var step) && !routes.Exists(r => SameRoute(r, step)))
                routes.Add(step);
        }
        if (tunnel.IPv4 is not null)
            AddDefault(routes, tunnel, new TunnelRoute(DefaultIPv4, tunnel.GatewayIPv4), notes);
        if (tunnel.IPv6 is not null && tunnel.RoutesIPv6ByDefault)
            AddDefault(routes, tunnel, new TunnelRoute(DefaultIPv6, tunnel.GatewayIPv6), notes);
        return routes;
    }

    private static void AddDefault(List<AddRoute> routes, TunnelDescription tunnel, TunnelRoute route, ParseNotes notes)
    {
        // A pushed default route without a metric is the same route; one with a metric coexists with ours.
        if (!routes.Exists(r => r.Destination == route.Destination && r.Metric is null) && TryRoute(tunnel, route, notes, out var step))
            routes.Add(step);
    }

    // On a layer-3 device a gateway changes nothing but must be reachable, so it is dropped: a garbage gateway
    // cannot fail the connection. On Ethernet the gateway is needed and must be on one of the device's networks.
    private static bool TryRoute(TunnelDescription tunnel, TunnelRoute route, ParseNotes notes, out AddRoute step)
    {
        step = new AddRoute(route.Destination, null, tunnel.Device, route.Metric);
        bool ipv6 = route.Destination.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
        IPAddress? gateway = route.Gateway ?? (ipv6 ? tunnel.GatewayIPv6 : tunnel.GatewayIPv4);
        if (tunnel.Kind == TunnelKind.Layer3 || gateway is null)
            return true;
        InterfaceAddress? onLink = ipv6 ? tunnel.IPv6 : tunnel.IPv4;
        if (onLink is null || !onLink.Network.Contains(gateway))
        {
            notes.Add($"route {route.Destination} via {gateway} skipped: the gateway is not on {tunnel.Device}'s network");
            return false;
        }
        step = step with { Via = gateway };
        return true;
    }

    private static bool SameRoute(AddRoute a, AddRoute b) => a.Destination == b.Destination && a.Metric == b.Metric;
}
