using System.Collections.Immutable;
using System.Net;

namespace Vpnns.Dns;

/// <summary>
/// The resolver configuration for one namespace: validated servers (IPv4 and IPv6) and search domains.
/// Holds at most <see cref="MaxServers"/> servers: glibc reads no more (MAXNS).
/// </summary>
public sealed record DnsSettings
{
    public const int MaxServers = 3;

    public DnsSettings(ImmutableArray<IPAddress> servers, ImmutableArray<string> searchDomains)
    {
        if (servers.Length > MaxServers)
            throw new ArgumentException($"at most {MaxServers} servers", nameof(servers));
        Servers = servers;
        SearchDomains = searchDomains;
    }

    public static DnsSettings Empty { get; } = new([], []);

    public ImmutableArray<IPAddress> Servers { get; }

    public ImmutableArray<string> SearchDomains { get; }

    public bool IsEmpty => Servers.IsEmpty && SearchDomains.IsEmpty;

    // ImmutableArray compares by reference; plans are compared as values in tests and by the executor.
    public bool Equals(DnsSettings? other) =>
        other is not null
        && Servers.AsSpan().SequenceEqual(other.Servers.AsSpan())
        && SearchDomains.AsSpan().SequenceEqual(other.SearchDomains.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Servers.Length, SearchDomains.Length);

    public override string ToString() =>
        $"nameserver {string.Join(' ', Servers)}" + (SearchDomains.IsEmpty ? "" : $" search {string.Join(' ', SearchDomains)}");
}
