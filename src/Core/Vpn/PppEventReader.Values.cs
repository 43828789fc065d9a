using System.Net;

namespace Vpnns.Vpn;

public static partial class PppEventReader
{
    /// <summary>Where a value came from (<c>$1</c>, <c>IFNAME</c>…) and the text found there; empty means absent.</summary>
    private readonly record struct Source(string Name, string Text);

    private static Source Candidate(string name, IReadOnlyList<string> args, int index) =>
        new(name, index < args.Count ? args[index] : "");

    private static Source Candidate(string variable, IReadOnlyDictionary<string, string> env) =>
        new(variable, env.GetValueOrDefault(variable) ?? "");

    /// <summary>
    /// The one value the present sources agree on. They are copies of the same thing (pppd's argv, pppd's variables,
    /// Debian's re-export), so a disagreement means the environment was not built by pppd: refuse rather than pick.
    /// </summary>
    private static (string Source, string Value) Agreed(string what, params ReadOnlySpan<Source> sources)
    {
        Source? chosen = null;
        foreach (var source in sources)
        {
            if (source.Text.Length == 0)
                continue;
            if (chosen is { } first && first.Text != source.Text)
                throw VpnnsException.Invalid($"conflicting {what}",
                    $"{first.Name}={ParseNotes.Quote(first.Text)}, {source.Name}={ParseNotes.Quote(source.Text)}");
            chosen ??= source;
        }
        return chosen is { } found
            ? (found.Name, found.Text)
            : throw VpnnsException.Invalid($"no {what}", $"neither {string.Join(" nor ", Names(sources))} is set");
    }

    private static IPAddress ReadAddress(string what, bool ipv6, params ReadOnlySpan<Source> sources)
    {
        var (source, text) = Agreed(what, sources);
        if (ipv6 ? IsLinkLocal(text, out var address) : IsUsableIPv4(text, out address))
            return address!;
        string expected = ipv6 ? "not an IPv6 link-local address (fe80::/10)" : "not a unicast IPv4 address";
        throw VpnnsException.Invalid($"invalid {what}", $"{source}={ParseNotes.Quote(text)}: {expected}");
    }

    private static bool IsUsableIPv4(string text, out IPAddress? address) =>
        AddressText.TryParseIPv4(text, out address) && AddressText.IsUnicast(address) && !IPAddress.IsLoopback(address);

    // IPV6CP only ever negotiates link-local interface identifiers (RFC 5072); anything else is not from pppd.
    private static bool IsLinkLocal(string text, out IPAddress? address) =>
        AddressText.TryParseIPv6(text, out address) && address.IsIPv6LinkLocal;

    private static List<string> Names(ReadOnlySpan<Source> sources)
    {
        var names = new List<string>(sources.Length);
        foreach (var source in sources)
            names.Add(source.Name);
        return names;
    }
}
