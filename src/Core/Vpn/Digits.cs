namespace Vpnns.Vpn;

/// <summary>Plain decimal numbers from untrusted text: ASCII digits only, no sign, spaces or leading zeros.</summary>
public static class Digits
{
    public static bool TryParseUInt32(string? text, out uint value)
    {
        value = 0;
        if (text is null || text.Length is 0 or > 10 || (text.Length > 1 && text[0] == '0'))
            return false;
        ulong accumulated = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            accumulated = accumulated * 10 + (ulong)(c - '0');
        }
        if (accumulated > uint.MaxValue)
            return false;
        value = (uint)accumulated;
        return true;
    }
}
