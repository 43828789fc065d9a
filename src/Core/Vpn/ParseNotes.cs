using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// What a parser skipped and why, one line each, for the hook to log. Parsers stay pure: they collect notes,
/// the caller decides where they go.
/// </summary>
public sealed class ParseNotes
{
    private const int MaxQuotedLength = 96;
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Records a rejected value: <c>invalid route_network_3: "1.2.3": not an IPv4 address; skipped</c>.</summary>
    public void Rejected(string variable, string? value, string reason) =>
        _lines.Add($"invalid {variable}: {Quote(value ?? "")}: {reason}; skipped");

    /// <summary>Records an informational note that is not about a malformed value.</summary>
    public void Add(string note) => _lines.Add(note);

    /// <summary>Quotes a hostile value for a log line: control characters escaped, long values shortened.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength
            ? NamespaceName.Quote(value)
            : NamespaceName.Quote(value[..MaxQuotedLength]) + $"... ({value.Length} characters)";
}
