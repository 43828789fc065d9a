using System.Net;
using System.Net.Sockets;
using Vpnns.Namespaces;
using Vpnns.Vpn;

namespace Vpnns.Forward;

/// <summary>
/// What `vpnnsctl forward NAME [HOST_ADDR:]PORT[:NS_PORT]` means: where to listen in the host, and which port to
/// reach on the loopback inside the namespace. Parsed without name lookups: an address is a literal or nothing.
/// </summary>
public sealed record ForwardSpec(IPEndPoint Listen, int InsidePort)
{
    public const string Syntax = "[HOST_ADDR:]PORT[:NS_PORT]";

    /// <summary>
    /// The inside ends tried, in order: the loopback of the listening address's family, then the other one.
    /// A service on "localhost" may listen on either (or both), and the bytes relayed do not care which.
    /// </summary>
    public IReadOnlyList<IPEndPoint> InsideTargets =>
        Listen.AddressFamily == AddressFamily.InterNetworkV6
            ? [new(IPAddress.IPv6Loopback, InsidePort), new(IPAddress.Loopback, InsidePort)]
            : [new(IPAddress.Loopback, InsidePort), new(IPAddress.IPv6Loopback, InsidePort)];

    /// <summary>Parses the spec or throws an invalid-input error that quotes the offending part.</summary>
    public static ForwardSpec Parse(string? text)
    {
        text ??= "";
        if (text.Length == 0)
            throw Invalid(text, "expected " + Syntax);
        string rest = text;
        IPAddress? address = null;
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']');
            if (close < 0)
                throw Invalid(text, "no closing \"]\" after the IPv6 address");
            address = ParseIPv6(rest[1..close], text);
            rest = rest[(close + 1)..];
            if (!rest.StartsWith(':'))
                throw Invalid(text, "expected \":PORT\" after \"]\"");
            rest = rest[1..];
        }

        string[] parts = rest.Split(':');
        if (address is null && (parts.Length > 3 || rest.Contains("::")))
            throw Invalid(text, "an IPv6 address goes in brackets, e.g. [::1]:8080:80");
        if (address is null && (parts.Length == 3 || parts.Length == 2 && !IsDigits(parts[0])))
        {
            address = ParseIPv4(parts[0], text);
            parts = parts[1..];
        }
        if (parts.Length is 0 or > 2)
            throw Invalid(text, "expected " + Syntax);

        int port = ParsePort(parts[0], text);
        int insidePort = parts.Length == 2 ? ParsePort(parts[1], text) : port;
        return new ForwardSpec(new IPEndPoint(address ?? IPAddress.Loopback, port), insidePort);
    }

    private static int ParsePort(string part, string text)
    {
        if (!IsDigits(part) || part.Length > 5 || int.Parse(part) is < 1 or > IPEndPoint.MaxPort)
            throw VpnnsException.Invalid("invalid port", $"{Quote(part)} in {Quote(text)} (a number from 1 to 65535)");
        return int.Parse(part);
    }

    private static IPAddress ParseIPv4(string part, string text)
    {
        if (AddressText.TryParseIPv4(part, out var address))
            return address;
        string hint = part.Length == 0 ? "empty" : "an IPv4 address, or an IPv6 address in brackets, e.g. [::1]";
        throw VpnnsException.Invalid("invalid address", $"{Quote(part)} in {Quote(text)} ({hint})");
    }

    private static IPAddress ParseIPv6(string part, string text)
    {
        if (AddressText.TryParseIPv6(part, out var address))
            return address;
        string hint = part.Contains('%') ? "a zone index is not supported" : "brackets hold an IPv6 address";
        throw VpnnsException.Invalid("invalid address", $"{Quote(part)} in {Quote(text)} ({hint})");
    }

    private static bool IsDigits(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);

    private static VpnnsException Invalid(string text, string why) =>
        VpnnsException.Invalid("invalid forward spec", $"{Quote(text)} ({why})");

    private static string Quote(string text) => NamespaceName.Quote(text);
}
