using System.Collections.Immutable;
using System.Net;
using Vpnns.Dns;

namespace Vpnns.Vpn;

/// <summary>
/// Reads a pppd script invocation (reference.md 2.2–2.5) into a <see cref="PppEvent"/>. pppd passes
/// <c>interface tty speed local remote ipparam</c> and sets <c>IFNAME</c>, <c>IPLOCAL</c>/<c>IPREMOTE</c> or
/// <c>LLLOCAL</c>/<c>LLREMOTE</c>; Debian's wrappers pass the same arguments through run-parts and add
/// <c>PPP_IFACE</c>, <c>PPP_LOCAL</c>, <c>PPP_REMOTE</c>. Any of these may be missing, but those present must agree.
/// Pure: it sees only the copies it is given.
/// </summary>
public static partial class PppEventReader
{
    public const string Ipv6DefaultVariable = "VPNNS_IPV6_DEFAULT";

    /// <summary>Null when the link did not opt in (no <c>VPNNS</c>): the hooks run for every ppp link on the host.</summary>
    public static PppEvent? Read(PppScript script, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
    {
        if (!PppNamespaceSelection.TryChoose(env, out var name))
            return null;
        var notes = new ParseNotes();
        if (script.Phase == HookPhase.Down)
        {
            var policy = DownPolicyReader.Read(env, notes);
            bool isFinal = !script.IsIPv6 || !env.TryGetValue("IPLOCAL", out var ipv4) || ipv4.Length == 0;
            return new PppEvent(script, name, policy, isFinal, Tunnel: null, [.. notes.Lines]);
        }
        string device = ReadDevice(args, env);
        var tunnel = script.IsIPv6 ? ReadIPv6Link(device, args, env, notes) : ReadIPv4Link(device, args, env, notes);
        return new PppEvent(script, name, DownPolicy.Keep, IsFinal: false, tunnel, [.. notes.Lines]);
    }

    // The name reaches netlink requests, the state file and log lines: the kernel's rules, narrowed.
    private static string ReadDevice(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
    {
        var (source, device) = Agreed("interface", Candidate("$1", args, 0), Candidate("IFNAME", env), Candidate("PPP_IFACE", env));
        return TunnelDeviceName.IsValid(device)
            ? device
            : throw VpnnsException.Invalid("invalid device name", $"{source}={ParseNotes.Quote(device)}");
    }

    private static TunnelDescription ReadIPv4Link(string device, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        var local = ReadAddress("local address", ipv6: false, Candidate("$4", args, 3), Candidate("IPLOCAL", env), Candidate("PPP_LOCAL", env));
        var remote = ReadAddress("remote address", ipv6: false, Candidate("$5", args, 4), Candidate("IPREMOTE", env), Candidate("PPP_REMOTE", env));
        // pppd's own configuration: a /32 with the peer as the far end; the MTU pppd negotiated survives the move.
        return new TunnelDescription(device, TunnelKind.Layer3, Mtu: null, new InterfaceAddress(local, 32, remote), IPv6: null,
            Routes: [], Dns: ReadDns(env, notes));
    }

    private static TunnelDescription ReadIPv6Link(string device, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        var local = ReadAddress("local link-local address", ipv6: true, Candidate("$4", args, 3), Candidate("LLLOCAL", env), Candidate("PPP_LOCAL", env));
        var remote = ReadAddress("remote link-local address", ipv6: true, Candidate("$5", args, 4), Candidate("LLREMOTE", env), Candidate("PPP_REMOTE", env));
        // IPV6CP negotiates only interface identifiers; global addresses come later (router advertisements or
        // DHCPv6 inside the namespace), so the default route is opt-in rather than implied by having IPv6.
        return new TunnelDescription(device, TunnelKind.Layer3, Mtu: null, IPv4: null, new InterfaceAddress(local, 128, remote),
            Routes: [], RoutesIPv6ByDefault: ReadIpv6Default(env, notes));
    }

    private static bool ReadIpv6Default(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        switch (env.GetValueOrDefault(Ipv6DefaultVariable))
        {
            case null or "" or "0" or "no" or "false": return false;
            case "1" or "yes" or "true": return true;
            case var other:
                notes.Rejected(Ipv6DefaultVariable, other, "expected 1 or 0; no IPv6 default route");
                return false;
        }
    }

    private static DnsSettings? ReadDns(IReadOnlyDictionary<string, string> env, ParseNotes notes) =>
        DnsOverride.Choose(env, notes, () => ReadPeerDns(env, notes));

    private static DnsSettings? ReadPeerDns(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        // pppd sets DNS1/DNS2 only for servers it asked for, and USEPEERDNS=1 only with usepeerdns.
        if (env.GetValueOrDefault("USEPEERDNS") != "1")
        {
            notes.Add("no DNS from the peer (usepeerdns is off); the namespace's resolv.conf is left as it is");
            return null;
        }
        var builder = new DnsSettingsBuilder();
        foreach (var variable in (ReadOnlySpan<string>)["DNS1", "DNS2"])
        {
            if (!env.TryGetValue(variable, out var text) || text.Length == 0)
                continue;
            if (AddressText.TryParseIPv4(text, out var server) && AddressText.IsUnicast(server))
                builder.AddServer(server);
            else
                notes.Rejected(variable, text, "not a unicast IPv4 address");
        }
        if (builder.ServerCount > 0)
            return builder.Build(notes);
        notes.Add("the peer sent no usable DNS servers; the namespace's resolv.conf is left as it is");
        return null;
    }
}
