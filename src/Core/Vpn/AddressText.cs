using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Vpnns.Vpn;

/// <summary>
/// Strict parsing of addresses, netmasks and prefixes pushed by a VPN server.
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> follows inet_aton: "1.2.3" becomes 1.2.0.3,
/// "010.0.0.1" is octal and "1" is 0.0.0.1 — never what a server meant, so IPv4 is parsed by hand here.
/// </summary>
public static class AddressText
{
    /// <summary>Exactly four dotted decimal octets, no leading zeros, no spaces.</summary>
    public static bool TryParseIPv4(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text is null || text.Length is < 7 or > 15)
            return false;
        Span<byte> octets = stackalloc byte[4];
        int part = 0, value = 0, digits = 0;
        foreach (char c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || part == 3)
                    return false;
                octets[part++] = (byte)value;
                (value, digits) = (0, 0);
                continue;
            }
            if (!char.IsAsciiDigit(c) || (digits == 1 && value == 0))
                return false;
            value = value * 10 + (c - '0');
            if (++digits > 3 || value > 255)
                return false;
        }
        if (part != 3 || digits == 0)
            return false;
        octets[3] = (byte)value;
        address = new IPAddress(octets);
        return true;
    }

    /// <summary>An IPv6 address in text form, without a zone index ("%eth0") or surrounding brackets.</summary>
    public static bool TryParseIPv6(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text is null || text.Length is < 2 or > 45 || !text.Contains(':'))
            return false;
        foreach (char c in text)
        {
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
                return false;
        }
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        address = parsed;
        return true;
    }

    /// <summary>IPv4 or IPv6, each parsed strictly.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPAddress? address) =>
        TryParseIPv4(text, out address) || TryParseIPv6(text, out address);

    /// <summary>A dotted netmask with contiguous ones ("255.255.255.0" → 24).</summary>
    public static bool TryParseNetmask(string? text, out int prefixLength)
    {
        prefixLength = 0;
        if (!TryParseIPv4(text, out var mask))
            return false;
        Span<byte> bytes = stackalloc byte[4];
        mask.TryWriteBytes(bytes, out _);
        uint bits = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        int ones = System.Numerics.BitOperations.PopCount(bits);
        // Contiguous iff the inverted mask plus one is a power of two (or zero for /0 and /32).
        uint inverted = ~bits;
        if ((inverted & (inverted + 1)) != 0)
            return false;
        prefixLength = ones;
        return true;
    }

    /// <summary>A decimal prefix length within the family's range.</summary>
    public static bool TryParsePrefixLength(string? text, AddressFamily family, out int prefixLength)
    {
        prefixLength = 0;
        int max = family == AddressFamily.InterNetwork ? 32 : 128;
        if (text is null || text.Length is 0 or > 3 || (text.Length > 1 && text[0] == '0'))
            return false;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        prefixLength = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return prefixLength <= max;
    }

    /// <summary>A network whose address has no bits set beyond the prefix.</summary>
    public static bool TryMakeNetwork(IPAddress address, int prefixLength, out IPNetwork network)
    {
        network = default;
        var masked = Mask(address, prefixLength);
        if (!masked.Equals(address))
            return false;
        network = new IPNetwork(address, prefixLength);
        return true;
    }

    /// <summary>"fd00:1::/64" with a strict address, a valid length and no host bits.</summary>
    public static bool TryParseIPv6Network(string? text, out IPNetwork network)
    {
        network = default;
        int slash = text?.IndexOf('/') ?? -1;
        return slash > 0
            && TryParseIPv6(text![..slash], out var address)
            && TryParsePrefixLength(text[(slash + 1)..], AddressFamily.InterNetworkV6, out int length)
            && TryMakeNetwork(address, length, out network);
    }

    /// <summary>The address with every bit past <paramref name="prefixLength"/> cleared.</summary>
    public static IPAddress Mask(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int count);
        bytes = bytes[..count];
        for (int i = 0; i < count; i++)
        {
            int keep = Math.Clamp(prefixLength - i * 8, 0, 8);
            bytes[i] &= (byte)(0xff << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    /// <summary>Usable as an interface address, gateway or DNS server: not unspecified, multicast or broadcast.</summary>
    public static bool IsUnicast(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.Broadcast))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !address.IsIPv6Multicast;
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return bytes[0] is < 224 or > 239;
    }
}
