using System.Net;
using System.Net.Sockets;

namespace Vpnns.Vpn;

public static partial class OpenVpnEventReader
{
    // Which of ifconfig_remote / ifconfig_netmask exists decides the topology (reference.md 1.3, pitfall 3):
    // net30 and p2p export a peer, subnet and tap a netmask. Never guess from the 5th argument.
    private static InterfaceAddress? ReadIPv4(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        if (!env.TryGetValue("ifconfig_local", out var localText) || localText.Length == 0)
            return null;
        if (!TryReadUnicast(localText, ipv6: false, out var local))
        {
            notes.Rejected("ifconfig_local", localText, "not a unicast IPv4 address; no IPv4 in the namespace");
            return null;
        }
        if (env.TryGetValue("ifconfig_remote", out var remoteText))
        {
            if (TryReadUnicast(remoteText, ipv6: false, out var peer))
                return new InterfaceAddress(local, 32, peer);
            notes.Rejected("ifconfig_remote", remoteText, "not a unicast IPv4 address; no IPv4 in the namespace");
            return null;
        }
        if (env.TryGetValue("ifconfig_netmask", out var maskText))
        {
            if (AddressText.TryParseNetmask(maskText, out int prefix) && prefix is > 0 and <= 32)
                return new InterfaceAddress(local, prefix);
            notes.Rejected("ifconfig_netmask", maskText, "not a netmask; no IPv4 in the namespace");
            return null;
        }
        notes.Add("neither ifconfig_remote nor ifconfig_netmask is set; using ifconfig_local/32");
        return new InterfaceAddress(local, 32);
    }

    private static InterfaceAddress? ReadIPv6(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        if (!env.TryGetValue("ifconfig_ipv6_local", out var localText) || localText.Length == 0)
            return null;
        if (!TryReadUnicast(localText, ipv6: true, out var local))
        {
            notes.Rejected("ifconfig_ipv6_local", localText, "not a unicast IPv6 address; no IPv6 in the namespace");
            return null;
        }
        string? bitsText = env.GetValueOrDefault("ifconfig_ipv6_netbits");
        if (AddressText.TryParsePrefixLength(bitsText, AddressFamily.InterNetworkV6, out int prefix) && prefix > 0)
            return new InterfaceAddress(local, prefix);
        notes.Rejected("ifconfig_ipv6_netbits", bitsText, "not an IPv6 prefix length; no IPv6 in the namespace");
        return null;
    }

    private static IPAddress? ReadGateway(IReadOnlyDictionary<string, string> env, string variable, bool ipv6, ParseNotes notes)
    {
        if (!env.TryGetValue(variable, out var text) || text.Length == 0)
            return null;
        if (TryReadUnicast(text, ipv6, out var gateway))
            return gateway;
        notes.Rejected(variable, text, ipv6 ? "not a unicast IPv6 address" : "not a unicast IPv4 address");
        return null;
    }

    private static bool TryReadUnicast(string? text, bool ipv6, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address) =>
        (ipv6 ? AddressText.TryParseIPv6(text, out address) : AddressText.TryParseIPv4(text, out address))
        && AddressText.IsUnicast(address) && !IPAddress.IsLoopback(address);
}
