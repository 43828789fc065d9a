using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace Vpnns.Vpn;

public static partial class OpenVpnEventReader
{
    /// <summary>Routes read per family; OpenVPN numbers them from 1 without gaps, the bound stops a hostile loop.</summary>
    public const int MaxRoutesPerFamily = 4096;

    private static ImmutableArray<TunnelRoute> ReadRoutes(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        var routes = ImmutableArray.CreateBuilder<TunnelRoute>();
        for (int n = 1; n <= MaxRoutesPerFamily && env.TryGetValue($"route_network_{n}", out var network); n++)
        {
            if (TryReadIPv4Route(env, n, network, notes, out var route))
                routes.Add(route);
        }
        for (int n = 1; n <= MaxRoutesPerFamily && env.TryGetValue($"route_ipv6_network_{n}", out var network); n++)
        {
            if (TryReadIPv6Route(env, n, network, notes, out var route))
                routes.Add(route);
        }
        if (env.ContainsKey($"route_network_{MaxRoutesPerFamily + 1}") || env.ContainsKey($"route_ipv6_network_{MaxRoutesPerFamily + 1}"))
            notes.Add($"more than {MaxRoutesPerFamily} routes of one family; the rest are ignored");
        return routes.ToImmutable();
    }

    private static bool TryReadIPv4Route(IReadOnlyDictionary<string, string> env, int n, string networkText, ParseNotes notes, out TunnelRoute route)
    {
        route = null!;
        string maskVariable = $"route_netmask_{n}";
        string? maskText = env.GetValueOrDefault(maskVariable);
        if (!AddressText.TryParseIPv4(networkText, out var address))
            return Reject(notes, $"route_network_{n}", networkText, "not an IPv4 address");
        if (!AddressText.TryParseNetmask(maskText, out int prefix))
            return Reject(notes, maskVariable, maskText, "not a netmask");
        if (!AddressText.TryMakeNetwork(address, prefix, out var destination))
            return Reject(notes, $"route_network_{n}", $"{networkText}/{prefix}", "address has bits set beyond the netmask");
        if (!TryReadOptionalGateway(env, $"route_gateway_{n}", AddressFamily.InterNetwork, notes, out var gateway)
            || !TryReadOptionalMetric(env, $"route_metric_{n}", notes, out var metric))
            return false;
        route = new TunnelRoute(destination, gateway, metric);
        return true;
    }

    private static bool TryReadIPv6Route(IReadOnlyDictionary<string, string> env, int n, string networkText, ParseNotes notes, out TunnelRoute route)
    {
        route = null!;
        if (!AddressText.TryParseIPv6Network(networkText, out var destination))
            return Reject(notes, $"route_ipv6_network_{n}", networkText, "not an IPv6 network (address/length, no host bits)");
        if (!TryReadOptionalGateway(env, $"route_ipv6_gateway_{n}", AddressFamily.InterNetworkV6, notes, out var gateway)
            || !TryReadOptionalMetric(env, $"route_ipv6_metric_{n}", notes, out var metric))
            return false;
        route = new TunnelRoute(destination, gateway, metric);
        return true;
    }

    private static bool TryReadOptionalGateway(IReadOnlyDictionary<string, string> env, string variable, AddressFamily family, ParseNotes notes, out IPAddress? gateway)
    {
        gateway = null;
        if (!env.TryGetValue(variable, out var text) || text.Length == 0)
            return true;
        bool ipv6 = family == AddressFamily.InterNetworkV6;
        if (TryReadUnicast(text, ipv6, out gateway))
            return true;
        return Reject(notes, variable, text, $"not a unicast {(ipv6 ? "IPv6" : "IPv4")} address; route skipped");
    }

    private static bool TryReadOptionalMetric(IReadOnlyDictionary<string, string> env, string variable, ParseNotes notes, out uint? metric)
    {
        metric = null;
        if (!env.TryGetValue(variable, out var text) || text.Length == 0)
            return true;
        if (Digits.TryParseUInt32(text, out uint value))
        {
            metric = value;
            return true;
        }
        return Reject(notes, variable, text, "not a metric; route skipped");
    }

    private static bool Reject(ParseNotes notes, string variable, string? value, string reason)
    {
        notes.Rejected(variable, value, reason);
        return false;
    }
}
