using System.Globalization;
using Vpnns.Vpn;

namespace Vpnns.Dns;

/// <summary>
/// DNS servers and search domains from an OpenVPN script environment (reference.md 1.5): the 2.6 <c>--dns</c>
/// variables (<c>dns_server_N_address_M</c>, <c>dns_search_domain_N</c>) are preferred when present, else
/// <c>foreign_option_N</c> = <c>dhcp-option DNS|DNS6|DOMAIN|DOMAIN-SEARCH value</c>.
/// </summary>
public static class OpenVpnDnsReader
{
    // OpenVPN numbers these from 1 without gaps; the bound only stops a hostile environment from looping long.
    private const int MaxIndex = 1024;

    public static DnsSettings Read(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        var builder = new DnsSettingsBuilder();
        var foreign = ForeignOptions.Read(env, notes);
        // With any --dns server, OpenVPN 2.6 regenerates the dhcp-option DNS entries from it (dropping ports),
        // so falling back to them would resurrect servers skipped here for a reason.
        if (!ReadDnsServers(env, builder, notes))
        {
            foreach (var server in foreign.Servers)
                builder.AddServer(server);
        }
        // DOMAIN survives a pushed --dns (OpenVPN keeps it in foreign_option_N); DOMAIN-SEARCH is replaced by it.
        foreach (var domain in foreign.Domains)
            builder.AddSearchDomain(domain);
        int before = builder.SearchDomainCount;
        ReadDnsSearchDomains(env, builder, notes);
        if (builder.SearchDomainCount == before)
        {
            foreach (var domain in foreign.SearchDomains)
                builder.AddSearchDomain(domain);
        }
        return builder.Build(notes);
    }

    /// <summary>Reads every <c>dns_server_N</c>; false when there is none at all.</summary>
    private static bool ReadDnsServers(IReadOnlyDictionary<string, string> env, DnsSettingsBuilder builder, ParseNotes notes)
    {
        int n = 1;
        for (; n <= MaxIndex; n++)
        {
            string prefix = $"dns_server_{n}_";
            if (!env.ContainsKey(prefix + "address_1"))
                break;
            if (env.TryGetValue(prefix + "transport", out var transport) && transport != "plain")
            {
                notes.Rejected(prefix + "transport", transport, "resolv.conf can express only plain DNS");
                continue;
            }
            if (env.ContainsKey(prefix + "resolve_domain_1"))
                notes.Add($"{prefix}resolve_domain_*: split DNS cannot be expressed in resolv.conf; server used for all names");
            ReadServerAddresses(env, prefix, builder, notes);
        }
        return n > 1;
    }

    private static void ReadServerAddresses(IReadOnlyDictionary<string, string> env, string prefix, DnsSettingsBuilder builder, ParseNotes notes)
    {
        for (int m = 1; m <= MaxIndex && env.TryGetValue($"{prefix}address_{m}", out var text); m++)
        {
            if (env.TryGetValue($"{prefix}port_{m}", out var port) && port != "53")
            {
                notes.Rejected($"{prefix}port_{m}", port, $"resolv.conf cannot express a port; server {ParseNotes.Quote(text)} skipped");
                continue;
            }
            if (AddressText.TryParse(text, out var address) && AddressText.IsUnicast(address))
                builder.AddServer(address);
            else
                notes.Rejected($"{prefix}address_{m}", text, "not a unicast IP address");
        }
    }

    private static void ReadDnsSearchDomains(IReadOnlyDictionary<string, string> env, DnsSettingsBuilder builder, ParseNotes notes)
    {
        for (int n = 1; n <= MaxIndex && env.TryGetValue("dns_search_domain_" + n.ToString(CultureInfo.InvariantCulture), out var text); n++)
        {
            if (DomainName.TryParse(text, out var domain))
                builder.AddSearchDomain(domain);
            else
                notes.Rejected($"dns_search_domain_{n}", text, "not a domain name");
        }
    }
}
