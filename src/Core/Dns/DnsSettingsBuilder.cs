using System.Collections.Immutable;
using System.Net;
using Vpnns.Vpn;

namespace Vpnns.Dns;

/// <summary>Collects servers and domains in order, without duplicates, and applies resolv.conf's limits.</summary>
public sealed class DnsSettingsBuilder
{
    // Beyond this a search line is only noise; glibc 2.36 tries every listed domain for each failing lookup.
    public const int MaxSearchDomains = 16;

    private readonly List<IPAddress> _servers = [];
    private readonly List<string> _domains = [];

    public int ServerCount => _servers.Count;

    public int SearchDomainCount => _domains.Count;

    public void AddServer(IPAddress server)
    {
        if (!_servers.Contains(server))
            _servers.Add(server);
    }

    public void AddSearchDomain(string domain)
    {
        if (!_domains.Contains(domain, StringComparer.OrdinalIgnoreCase))
            _domains.Add(domain);
    }

    /// <summary>The settings, with servers past the third and domains past the limit dropped and noted.</summary>
    public DnsSettings Build(ParseNotes notes)
    {
        foreach (var dropped in _servers.Skip(DnsSettings.MaxServers))
            notes.Add($"nameserver {dropped} not written: glibc reads only the first {DnsSettings.MaxServers}");
        foreach (var dropped in _domains.Skip(MaxSearchDomains))
            notes.Add($"search domain {dropped} not written: more than {MaxSearchDomains} search domains");
        return new DnsSettings(
            [.. _servers.Take(DnsSettings.MaxServers)],
            [.. _domains.Take(MaxSearchDomains)]);
    }
}
