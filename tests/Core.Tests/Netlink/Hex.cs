using System.Globalization;

namespace Vpnns.Tests.Netlink;

/// <summary>Hex text as written in reference.md and the fixture files: bytes separated by spaces, '|' and newlines.</summary>
internal static class Hex
{
    public static byte[] Parse(string text)
    {
        var bytes = new List<byte>();
        foreach (string token in text.Split([' ', '\n', '\r', '\t', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            for (int i = 0; i < token.Length; i += 2)
                bytes.Add(byte.Parse(token.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return [.. bytes];
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>The datagrams of a recorded fixture under tests/Fixtures/netlink: one per paragraph, '#' lines are comments.</summary>
    public static IReadOnlyList<byte[]> Fixture(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "netlink", name);
        var datagrams = new List<byte[]>();
        foreach (string paragraph in File.ReadAllText(path).Split("\n\n"))
        {
            string hex = string.Join('\n', paragraph.Split('\n').Where(line => !line.StartsWith('#')));
            if (!string.IsNullOrWhiteSpace(hex))
                datagrams.Add(Parse(hex));
        }
        return datagrams;
    }
}
