using Vpnns.Vpn;

namespace Vpnns.Dns;

/// <summary>
/// <c>VPNNS_DNS</c> from the local config (<c>setenv VPNNS_DNS "10.0.0.53 corp.example"</c>): replaces whatever
/// the server pushed. Words are addresses (nameservers) or domains (search list), separated by spaces or commas;
/// the single word <c>none</c> leaves the namespace's resolv.conf alone.
/// </summary>
public static class DnsOverride
{
    public const string Variable = "VPNNS_DNS";

    /// <summary>What the local config asks for.</summary>
    public enum Kind { Absent, Replace, LeaveAlone }

    /// <summary>
    /// The DNS settings an up applies, for any daemon: the local override when there is one, else what
    /// <paramref name="readPushed"/> reads from the peer's values (null: leave resolv.conf alone).
    /// </summary>
    public static DnsSettings? Choose(IReadOnlyDictionary<string, string> env, ParseNotes notes, Func<DnsSettings?> readPushed) =>
        Read(env, notes, out var overridden) switch
        {
            Kind.Replace => overridden,
            Kind.LeaveAlone => null,
            _ => readPushed(),
        };

    public static Kind Read(IReadOnlyDictionary<string, string> env, ParseNotes notes, out DnsSettings settings)
    {
        settings = DnsSettings.Empty;
        if (!env.TryGetValue(Variable, out var text) || string.IsNullOrWhiteSpace(text))
            return Kind.Absent;
        if (text.Trim() == "none")
            return Kind.LeaveAlone;
        var builder = new DnsSettingsBuilder();
        foreach (var word in text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (AddressText.TryParse(word, out var address) && AddressText.IsUnicast(address))
                builder.AddServer(address);
            else if (DomainName.TryParse(word, out var domain))
                builder.AddSearchDomain(domain);
            else
                notes.Rejected(Variable, word, "neither an IP address nor a domain name");
        }
        settings = builder.Build(notes);
        return Kind.Replace;
    }
}
