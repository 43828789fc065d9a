using System.Text;

namespace Vpnns.Exec;

/// <summary>Helpers for raw byte strings (arguments, environment entries) that need not be valid UTF-8.</summary>
public static class ByteStrings
{
    public static byte[] Of(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Quotes for a message: printable ASCII as is, anything else as \xNN, so bytes cannot forge output.</summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 2).Append('"');
        foreach (byte b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\') sb.Append('\\').Append((char)b);
            else if (b is >= 0x20 and < 0x7f) sb.Append((char)b);
            else sb.Append($"\\x{b:x2}");
        }
        return sb.Append('"').ToString();
    }

    /// <summary>The name part of an environment entry "NAME=value" (the whole entry when it has no '=').</summary>
    public static ReadOnlySpan<byte> VariableName(ReadOnlySpan<byte> entry)
    {
        int eq = entry.IndexOf((byte)'=');
        return eq < 0 ? entry : entry[..eq];
    }

    /// <summary>The value of the first variable called <paramref name="name"/>, or null.</summary>
    public static byte[]? Lookup(IReadOnlyList<byte[]> environment, ReadOnlySpan<byte> name)
    {
        foreach (byte[] entry in environment)
        {
            if (entry.Length > name.Length && entry[name.Length] == (byte)'=' && entry.AsSpan().StartsWith(name))
                return entry[(name.Length + 1)..];
        }
        return null;
    }

    public static bool StartsWithIgnoringAsciiCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
