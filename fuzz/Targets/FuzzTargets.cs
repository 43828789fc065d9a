using System.Net;
using System.Text;
using Vpnns.Dns;
using Vpnns.Namespaces;
using Vpnns.Netlink;
using Vpnns.Vpn;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Fuzz;

/// <summary>
/// The fuzz targets, shared by the SharpFuzz harness (fuzz/Program.cs) and the corpus replay in Core.Tests.
/// Each takes raw bytes; a VpnnsException is the parsers' way to refuse, anything else (an exception of
/// another type, or a broken invariant thrown as <see cref="FuzzInvariantException"/>) is a crash.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["openvpn-env"] = OpenVpnEnvironment,
        ["ppp-env"] = PppEnvironment,
        ["resolv-conf"] = ResolvConfWriter,
        ["netlink-reply"] = NetlinkReply,
    };

    // Not a static field: the type initialiser runs before Fuzzer.Run maps AFL's coverage memory, and
    // instrumented Core code called that early writes to an unmapped map (AccessViolationException).
    private static NamespaceName Namespace => NamespaceName.Parse("fuzz");

    /// <summary>Byte 0 picks up or down; the rest is NUL-separated <c>KEY=VALUE</c> entries, as in /proc/PID/environ.</summary>
    public static void OpenVpnEnvironment(byte[] data)
    {
        if (data.Length == 0)
            return;
        var phase = (data[0] & 1) == 0 ? HookPhase.Up : HookPhase.Down;
        var env = Environment(data.AsSpan(1));
        try
        {
            var e = OpenVpnEventReader.Read(phase, OpenVpnArgs(env), env);
            CheckNotes(e.Notes);
            if (e.Tunnel is { } tunnel)
                CheckPlan(tunnel, e.Name);
        }
        catch (VpnnsException refused)
        {
            CheckOneLine(refused.Message);
        }
    }

    /// <summary>Byte 0 picks one of pppd's four scripts; byte 1 how many of the entries are also argv.</summary>
    public static void PppEnvironment(byte[] data)
    {
        if (data.Length < 2)
            return;
        PppScript script = (data[0] & 3) switch
        {
            0 => PppScript.IpUp,
            1 => PppScript.IpDown,
            2 => PppScript.Ipv6Up,
            _ => PppScript.Ipv6Down,
        };
        var env = Environment(data.AsSpan(2));
        // pppd's argv: interface tty speed local remote ipparam, taken from the values present.
        string[] args = [.. new[] { "IFNAME", "DEVICE", "SPEED", "IPLOCAL", "IPREMOTE", "IPPARAM" }
            .Take(data[1] % 7).Select(k => env.GetValueOrDefault(k, ""))];
        try
        {
            var e = PppEventReader.Read(script, args, env);
            if (e is null)
                return;
            CheckNotes(e.Notes);
            if (e.Tunnel is { } tunnel)
                CheckPlan(tunnel, e.Name);
        }
        catch (VpnnsException refused)
        {
            CheckOneLine(refused.Message);
        }
    }

    /// <summary>
    /// The input is pushed DNS options (NUL-separated environment entries); whatever the reader accepts is
    /// rendered, and the rendered text must parse back to exactly the accepted servers and domains.
    /// </summary>
    public static void ResolvConfWriter(byte[] data)
    {
        var env = Environment(data);
        DnsSettings dns;
        try
        {
            dns = OpenVpnDnsReader.Read(env, new ParseNotes());
        }
        catch (VpnnsException refused)
        {
            CheckOneLine(refused.Message);
            return;
        }
        CheckRendered(dns, ResolvConf.Render(dns, Namespace));
    }

    /// <summary>The input is one received datagram; every message in it goes through every reply parser.</summary>
    public static void NetlinkReply(byte[] data)
    {
        try
        {
            var reader = new NetlinkReader(data);
            while (reader.TryRead(out NetlinkMessage message))
            {
                switch (message.Type)
                {
                    case NLMSG_ERROR: CheckOneLine(NetlinkStatus.FromError(message).Detail ?? ""); break;
                    case NLMSG_DONE: CheckOneLine(NetlinkStatus.FromDone(message).Detail ?? ""); break;
                    default:
                        LinkReplies.Parse(message);
                        AddressReplies.Parse(message);
                        RouteReplies.Parse(message);
                        NsidReplies.Parse(message);
                        break;
                }
            }
        }
        catch (VpnnsException refused)
        {
            CheckOneLine(refused.Message);
        }
    }

    /// <summary>Reads back a rendered resolv.conf the way glibc would: keyword, then values.</summary>
    internal static void CheckRendered(DnsSettings dns, string text)
    {
        var lines = text.Split('\n');
        Check(lines[^1].Length == 0, "rendered text does not end with a newline");
        var servers = new List<IPAddress>();
        var domains = new List<string>();
        Check(lines[0].StartsWith('#'), "first line is not the comment");
        foreach (var line in lines[1..^1])
        {
            var words = line.Split(' ');
            Check(!line.Contains('\r') && !line.Contains('\t') && !line.Contains('\0'), $"control character in {Quote(line)}");
            switch (words[0])
            {
                case "nameserver" when words.Length == 2 && IPAddress.TryParse(words[1], out var server):
                    servers.Add(server);
                    break;
                case "search" when words.Length >= 2 && words.Skip(1).All(d => d.Length > 0):
                    domains.AddRange(words.Skip(1));
                    break;
                default:
                    throw new FuzzInvariantException($"line that does not parse back: {Quote(line)}");
            }
        }
        Check(servers.SequenceEqual(dns.Servers), "servers read back differ");
        Check(domains.SequenceEqual(dns.SearchDomains), "search domains read back differ");
        Check(servers.Count <= DnsSettings.MaxServers, "more servers than glibc reads");
    }

    private static void CheckPlan(TunnelDescription tunnel, NamespaceName name)
    {
        try
        {
            foreach (var step in TunnelPlanner.ForUp(tunnel, name))
                CheckOneLine(step.Describe());
        }
        catch (VpnnsException refused)
        {
            CheckOneLine(refused.Message);
            return;
        }
        if (tunnel.Dns is { } dns)
            CheckRendered(dns, ResolvConf.Render(dns, name));
    }

    private static void CheckNotes(IEnumerable<string> notes)
    {
        foreach (var note in notes)
            CheckOneLine(note);
    }

    private static void CheckOneLine(string text) =>
        Check(!text.Contains('\n') && !text.Contains('\r'), $"line break in {Quote(text)}");

    private static void Check(bool condition, string what)
    {
        if (!condition)
            throw new FuzzInvariantException(what);
    }

    private static string Quote(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private static Dictionary<string, string> Environment(ReadOnlySpan<byte> data)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Encoding.UTF8.GetString(data).Split('\0'))
        {
            int eq = entry.IndexOf('=');
            if (eq > 0)
                env[entry[..eq]] = entry[(eq + 1)..];
        }
        return env;
    }

    // OpenVPN's argv (reference.md 1.3): dev tun_mtu 0 local remote_or_netmask context.
    private static string[] OpenVpnArgs(Dictionary<string, string> env) =>
    [
        env.GetValueOrDefault("dev", ""),
        env.GetValueOrDefault("tun_mtu", ""),
        "0",
        env.GetValueOrDefault("ifconfig_local", ""),
        env.GetValueOrDefault("ifconfig_remote") ?? env.GetValueOrDefault("ifconfig_netmask", ""),
        env.GetValueOrDefault("script_context", "init"),
    ];
}

/// <summary>A parser accepted input but produced something a user or glibc would misread.</summary>
internal sealed class FuzzInvariantException(string message) : Exception(message);
