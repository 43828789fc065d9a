namespace Vpnns.Namespaces;

/// <summary>
/// A namespace name vpnns will create or enter: 1–64 characters of [A-Za-z0-9_.-], not "." or "..",
/// not starting with "-". Stricter than iproute2 on purpose: names end up in paths, group names and logs.
/// </summary>
public readonly record struct NamespaceName
{
    public const int MaxLength = 64;

    private NamespaceName(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses a user-supplied name or throws an invalid-input error quoting it.</summary>
    public static NamespaceName Parse(string? text) =>
        TryParse(text, out var name)
            ? name
            : throw VpnnsException.Invalid("invalid namespace name", Quote(text ?? ""));

    public static bool TryParse(string? text, out NamespaceName name)
    {
        name = default;
        if (!IsValid(text))
            return false;
        name = new NamespaceName(text!);
        return true;
    }

    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text is "." or ".." || text[0] == '-')
            return false;
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Checks a name that may only be listed, opened or deleted, never created: iproute2 accepts names we
    /// would not create (spaces, leading '-'), so they must stay manageable. What matters here is that the
    /// name cannot leave the run directory.
    /// </summary>
    public static string ParseExisting(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 255 || text is "." or ".." || text.Contains('/') || text.Contains('\0'))
            throw VpnnsException.Invalid("invalid namespace name", Quote(text ?? ""));
        return text;
    }

    /// <summary>Quotes a name for a message, escaping control characters so a hostile name cannot forge log lines.</summary>
    public static string Quote(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (char.IsControl(c)) sb.Append($"\\x{(int)c:x2}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
