using System.Collections.Immutable;
using System.Net;
using Vpnns.Vpn;

namespace Vpnns.Dns;

/// <summary>The DNS-related <c>foreign_option_N</c> values (<c>dhcp-option TYPE VALUE</c>), each validated.</summary>
public sealed record ForeignOptions(ImmutableArray<IPAddress> Servers, ImmutableArray<string> Domains, ImmutableArray<string> SearchDomains)
{
    private const int MaxIndex = 1024;

    public static ForeignOptions Read(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        var servers = ImmutableArray.CreateBuilder<IPAddress>();
        var domains = ImmutableArray.CreateBuilder<string>();
        var search = ImmutableArray.CreateBuilder<string>();
        for (int n = 1; n <= MaxIndex && env.TryGetValue($"foreign_option_{n}", out var option); n++)
        {
            string variable = $"foreign_option_{n}";
            string[] words = option.Split(' ');
            if (words.Length < 2 || words[0] != "dhcp-option")
            {
                notes.Rejected(variable, option, "not a dhcp-option");
                continue;
            }
            switch (words[1])
            {
                case "DNS" or "DNS6":
                    if (words.Length == 3 && AddressText.TryParse(words[2], out var server) && AddressText.IsUnicast(server))
                        servers.Add(server);
                    else
                        notes.Rejected(variable, option, "not a unicast IP address");
                    break;
                case "DOMAIN" or "DOMAIN-SEARCH":
                    if (words.Length == 3 && DomainName.TryParse(words[2], out var domain))
                        (words[1] == "DOMAIN" ? domains : search).Add(domain);
                    else
                        notes.Rejected(variable, option, "not a domain name");
                    break;
                default:
                    break; // WINS, NTP, PROXY_* and friends say nothing about DNS
            }
        }
        return new ForeignOptions(servers.ToImmutable(), domains.ToImmutable(), search.ToImmutable());
    }
}
