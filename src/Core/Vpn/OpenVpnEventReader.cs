using System.Collections.Immutable;
using Vpnns.Dns;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// Reads OpenVPN's <c>up</c>/<c>down</c> arguments (<c>dev tun_mtu 0 local remote_or_netmask context</c>) and
/// environment (reference.md 1.3–1.5) into an <see cref="OpenVpnEvent"/>. Pure: it sees only the copies it is given.
/// Values a server pushed are untrusted; each one is parsed strictly and skipped with a note when invalid.
/// </summary>
public static partial class OpenVpnEventReader
{
    public static OpenVpnEvent Read(HookPhase phase, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
    {
        var notes = new ParseNotes();
        NamespaceName name = NamespaceSelection.Choose(env);
        string context = env.GetValueOrDefault("script_context") ?? Arg(args, 5) ?? "init";
        DownPolicy policy = phase == HookPhase.Down ? DownPolicyReader.Read(env, notes) : DownPolicy.Keep;
        TunnelDescription? tunnel = phase == HookPhase.Up ? ReadTunnel(args, env, notes) : null;
        return new OpenVpnEvent(phase, name, context == "restart", env.GetValueOrDefault("signal") ?? "", policy, tunnel, [.. notes.Lines]);
    }

    private static TunnelDescription ReadTunnel(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        string device = ReadDevice(args, env);
        TunnelKind kind = ReadKind(device, env, notes);
        return new TunnelDescription(
            device,
            kind,
            ReadMtu(args, env, notes),
            ReadIPv4(env, notes),
            ReadIPv6(env, notes),
            ReadRoutes(env, notes),
            ReadGateway(env, "route_vpn_gateway", ipv6: false, notes),
            ReadGateway(env, "ifconfig_ipv6_remote", ipv6: true, notes),
            ReadDns(env, notes));
    }

    // The device name is not pushed (OpenVPN chose it locally), but it is used in every step, so it must be valid.
    private static string ReadDevice(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
    {
        string? device = env.GetValueOrDefault("dev") ?? Arg(args, 0);
        return TunnelDeviceName.IsValid(device)
            ? device!
            : throw VpnnsException.Invalid("invalid device name", $"dev={ParseNotes.Quote(device ?? "")}");
    }

    private static TunnelKind ReadKind(string device, IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        switch (env.GetValueOrDefault("dev_type"))
        {
            case "tun": return TunnelKind.Layer3;
            case "tap": return TunnelKind.Ethernet;
            case null: break;
            case var other: notes.Rejected("dev_type", other, "expected tun or tap; guessing from the device name"); break;
        }
        return device.StartsWith("tap", StringComparison.Ordinal) ? TunnelKind.Ethernet : TunnelKind.Layer3;
    }

    private static int? ReadMtu(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        string? text = env.GetValueOrDefault("tun_mtu") ?? Arg(args, 1);
        if (string.IsNullOrEmpty(text))
            return null;
        // 68 is IPv4's minimum (RFC 791); the kernel refuses less, and more than 65535 cannot be a real MTU.
        if (Digits.TryParseUInt32(text, out uint mtu) && mtu is >= 68 and <= 65535)
            return (int)mtu;
        notes.Rejected("tun_mtu", text, "not an MTU between 68 and 65535; MTU left alone");
        return null;
    }

    private static DnsSettings? ReadDns(IReadOnlyDictionary<string, string> env, ParseNotes notes) =>
        DnsOverride.Choose(env, notes, () => ReadPushedDns(env, notes));

    private static DnsSettings? ReadPushedDns(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        var pushed = OpenVpnDnsReader.Read(env, notes);
        if (!pushed.IsEmpty)
            return pushed;
        notes.Add("no DNS servers or domains from the VPN; the namespace's resolv.conf is left as it is");
        return null;
    }

    private static string? Arg(IReadOnlyList<string> args, int index) =>
        index < args.Count && args[index].Length > 0 ? args[index] : null;
}
