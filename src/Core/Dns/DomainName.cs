namespace Vpnns.Dns;

/// <summary>
/// Hostname syntax for pushed search domains (RFC 1123 labels): whatever passes can be written into resolv.conf
/// without changing its meaning — no spaces, newlines, '#' or ';'.
/// </summary>
public static class DomainName
{
    public const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Validates and normalises (one trailing dot removed, lower case).</summary>
    public static bool TryParse(string? text, out string domain)
    {
        domain = "";
        if (string.IsNullOrEmpty(text))
            return false;
        string body = text.EndsWith('.') ? text[..^1] : text;
        if (body.Length is 0 or > MaxLength)
            return false;
        foreach (var range in body.AsSpan().Split('.'))
        {
            if (!IsLabel(body.AsSpan()[range]))
                return false;
        }
        // An all-numeric last label is never a real top-level domain (RFC 3696 2), and refusing it keeps a
        // mistyped address such as "10.8.0" from being taken for a search domain.
        int lastDot = body.LastIndexOf('.');
        if (body.AsSpan(lastDot + 1).IndexOfAnyExceptInRange('0', '9') < 0)
            return false;
        domain = body.ToLowerInvariant();
        return true;
    }

    private static bool IsLabel(ReadOnlySpan<char> label)
    {
        if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            return false;
        foreach (char c in label)
        {
            // Underscores occur in real internal zones (_msdcs, SRV-style names); they are harmless in resolv.conf.
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return false;
        }
        return true;
    }
}
