using Vpnns.Netlink;

namespace Vpnns.Check;

/// <summary>One verdict of `vpnnsctl check`: a stable id, pass or fail, and why, for a person to read.</summary>
public sealed record CheckItem(string Id, bool Passed, string Reason);

/// <summary>
/// The leak rules of `vpnnsctl check` (README "vpnnsctl check"), pure functions of <see cref="CheckFacts"/>.
/// A FAIL means traffic or name lookups of some program inside may leave other than through the VPN, or that
/// the VPN is not there to carry them.
/// </summary>
public static class CheckRules
{
    public static IReadOnlyList<CheckItem> Evaluate(CheckFacts facts)
    {
        var vpn = VpnDevices(facts);
        var items = new List<CheckItem>
        {
            DefaultRoute(facts, vpn, "ipv4", "IPv4"),
            DefaultRoute(facts, vpn, "ipv6", "IPv6"),
            PolicyRules(facts),
            OtherDevices(facts, vpn),
            Dns(facts, vpn),
        };
        items.AddRange(facts.SideChannels.Select(SideChannel));
        items.Add(Nsswitch(facts));
        items.Add(new CheckItem("abstract-sockets", true,
            "abstract Unix sockets belong to a network namespace: the host's cannot be reached from inside"));
        items.Add(EtcFiles(facts));
        items.Add(VpnDevice(facts, vpn));
        items.Add(VpnDaemon(facts));
        items.Add(Processes(facts));
        items.Add(ResolvConfSeen(facts));
        return items;
    }

    /// <summary>The device the hooks recorded, when it is there; else every tun/tap/ppp/DCO device.</summary>
    public static IReadOnlySet<string> VpnDevices(CheckFacts facts)
    {
        var devices = facts.Status.Devices;
        if (facts.Status.Tunnel is { } t && devices.Any(d => d.Name == t.Device))
            return new HashSet<string>(StringComparer.Ordinal) { t.Device };
        return devices.Where(d => d.IsVpn).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static CheckItem DefaultRoute(CheckFacts facts, IReadOnlySet<string> vpn, string family, string label)
    {
        string id = "default-route-" + family;
        // Blackhole, unreachable and prohibit defaults send nothing anywhere: a kill switch, not a leak.
        var routes = facts.DefaultRoutes.Where(r => r.Family == family && r.Type == RouteType.Unicast).ToList();
        if (routes.Count == 0)
            return new CheckItem(id, true, $"no {label} default route in any table: {label} traffic has nowhere to go (no leak)");
        var outside = routes.Where(r => r.Device is null || !vpn.Contains(r.Device)).ToList();
        if (outside.Count > 0)
            return new CheckItem(id, false, string.Join("; ", outside.Select(r => "default " + Describe(r))));
        return new CheckItem(id, true, "only via " + string.Join(", ", routes.Select(Describe).Distinct()) + " (all tables checked)");
    }

    private static string Describe(DefaultRouteFact r) =>
        (r.Via is null ? "" : $"via {r.Via} ") + (r.Device ?? "?") + (r.Table == RouteSpec.MainTable ? "" : $" (table {r.Table})");

    // A rule can only choose among the namespace's routes: with every table's defaults on the VPN and no device
    // but lo and the VPN (the items around this one), no rule can send traffic elsewhere. So extra rules are
    // reported, not failed; the nameserver lookups below go through them as real traffic would.
    private static CheckItem PolicyRules(CheckFacts facts) =>
        new("policy-rules", true, facts.Rules.Count == 0
            ? "only the default rules (local, main, default)"
            : $"{string.Join("; ", facts.Rules)} (rules only choose among the routes and devices checked here)");

    private static CheckItem OtherDevices(CheckFacts facts, IReadOnlySet<string> vpn)
    {
        var others = facts.Status.Devices.Where(d => d.Name != "lo" && !vpn.Contains(d.Name)).ToList();
        if (others.Count > 0)
            return new CheckItem("other-device", false, string.Join("; ", others.Select(d =>
                $"{d.Name}{(d.Kind is null ? "" : $" ({d.Kind})")} is {(d.IsUp ? "up" : "down")} inside")));
        return new CheckItem("other-device", true, vpn.Count == 0 ? "only lo" : "only lo and " + string.Join(", ", vpn.Order()));
    }

    private static CheckItem Dns(CheckFacts facts, IReadOnlySet<string> vpn)
    {
        string file = facts.EtcDirectory + "/resolv.conf";
        if (facts.ResolvConf is null)
            return new CheckItem("dns", false, $"no {file}: programs inside would read the host's /etc/resolv.conf");
        if (facts.DnsLookups.Count == 0)
            return new CheckItem("dns", false, $"no nameserver in {file}: glibc would ask 127.0.0.1");
        bool passed = true;
        var parts = new List<string>();
        foreach (var l in facts.DnsLookups)
        {
            if (!l.IsAddress)
            {
                parts.Add($"{l.Server} is not an address (glibc skips it)");
                continue;
            }
            if (l.IsLoopback)
            {
                passed = false;
                parts.Add($"{l.Server} is loopback: only a resolver inside the namespace answers there, and where it forwards cannot be checked");
            }
            else if (l.Device is null || l.Type is not RouteType.Unicast)
            {
                passed = false;
                parts.Add($"{l.Server}: no route");
            }
            else
            {
                passed &= vpn.Contains(l.Device);
                parts.Add($"{l.Server} via {(l.Via is null ? "" : l.Via + " ")}{l.Device}{(vpn.Contains(l.Device) ? "" : " (not the VPN)")}");
            }
        }
        if (facts.DnsLookups.All(l => !l.IsAddress))
            passed = false;
        return new CheckItem("dns", passed, string.Join("; ", parts));
    }

    private static CheckItem SideChannel(SideChannelFact s)
    {
        string id = "side-channel-" + s.Daemon;
        if (!s.Exists)
            return new CheckItem(id, true, $"no {s.Directory} on this host");
        string reason = $"{s.Directory} exists; vpnns-exec and vpnnsctl exec mask it, ip netns exec does not";
        // glibc asks nscd before any nsswitch source, so for nscd the mask is the only guard.
        if (s.Daemon == "nscd")
            reason += "; an nscd started after the program is reachable again (disable its hosts cache)";
        return new CheckItem(id, true, reason);
    }

    private static CheckItem Nsswitch(CheckFacts facts)
    {
        string own = facts.EtcDirectory + "/nsswitch.conf";
        if (facts.NamespaceNsswitchSources is { } sources)
        {
            return sources.Count > 0
                ? new CheckItem("nsswitch", false, $"{own} names {string.Join(", ", sources)} in hosts: and is used as it is (lookups may reach host daemons)")
                : new CheckItem("nsswitch", true, $"{own} names no host-daemon source in hosts:");
        }
        return facts.HostNsswitchSources.Count > 0
            ? new CheckItem("nsswitch", true, $"vpnns-exec drops {string.Join(", ", facts.HostNsswitchSources)} from the host's hosts: line (ip netns exec does not)")
            : new CheckItem("nsswitch", true, "the host's hosts: line names no host-daemon source");
    }

    private static CheckItem EtcFiles(CheckFacts facts)
    {
        if (!facts.Etc.Exists)
            return new CheckItem("etc-files", true, $"no {facts.EtcDirectory}: nothing is bound over /etc");
        if (facts.Etc.Problem is { } problem)
            return new CheckItem("etc-files", false, "vpnns-exec would refuse: " + problem);
        return new CheckItem("etc-files", true,
            $"{facts.EtcDirectory} and its {facts.Etc.Entries} {(facts.Etc.Entries == 1 ? "entry" : "entries")}: root's, not writable by group or others, no symlink at the top");
    }

    private static CheckItem VpnDevice(CheckFacts facts, IReadOnlySet<string> vpn)
    {
        var tunnel = facts.Status.Tunnel;
        if (vpn.Count == 0)
        {
            return new CheckItem("vpn-device", false, tunnel is not null
                ? $"the hooks' record names {tunnel.Device}, which is not in the namespace, and no tun, tap or ppp device is"
                : "no tun, tap or ppp device in the namespace");
        }
        bool passed = true;
        var parts = new List<string>();
        foreach (var d in facts.Status.Devices.Where(d => vpn.Contains(d.Name)))
        {
            if (!d.IsUp)
                parts.Add($"{d.Name} is down");
            else if (!d.IsLive)
                parts.Add($"{d.Name} has no carrier: no process holds it");
            else
                parts.Add($"{d.Name} is up and held by a process (carrier)");
            passed &= d.IsUp && d.IsLive;
        }
        return new CheckItem("vpn-device", passed, string.Join("; ", parts));
    }

    private static CheckItem VpnDaemon(CheckFacts facts)
    {
        if (facts.Status.Tunnel is not { } t)
            return new CheckItem("vpn-daemon", true, $"no record from the vpnns hooks (/run/vpnns/{facts.Name}.state): no daemon to check");
        string source = t.Source.Length > 0 ? $" ({t.Source})" : "";
        if (t.Pid is not int pid)
            return new CheckItem("vpn-daemon", true, $"{t.Daemon}{source}, pid not recorded");
        return t.DaemonRunning
            ? new CheckItem("vpn-daemon", true, $"{t.Daemon} pid {pid} is running{source}")
            : new CheckItem("vpn-daemon", false, $"{t.Daemon} pid {pid} is not running{source}");
    }

    private static CheckItem Processes(CheckFacts facts)
    {
        var live = facts.Processes.Where(p => !p.Gone).ToList();
        return new CheckItem("processes", true, live.Count == 0
            ? "none inside"
            : string.Join(", ", live.Select(p => $"{p.Pid} {p.Command} ({p.User})")));
    }

    private static CheckItem ResolvConfSeen(CheckFacts facts)
    {
        var live = facts.Processes.Where(p => !p.Gone).ToList();
        string file = facts.EtcDirectory + "/resolv.conf";
        if (live.Count == 0)
            return new CheckItem("resolv-conf-seen", true, "no processes inside");
        var wrong = new List<string>();
        foreach (var p in live)
        {
            string who = $"pid {p.Pid} {p.Command} ({p.User})";
            if (p.SharesHostMounts)
                wrong.Add($"{who} shares the host's mount namespace: it reads the host's /etc/resolv.conf");
            else if (p.ResolvConf is not { } seen)
                wrong.Add($"{who} has no /etc/resolv.conf: glibc asks 127.0.0.1");
            else if (facts.ResolvConf is not { } expected)
                wrong.Add($"{who} reads an /etc/resolv.conf that is not the namespace's (there is no {file})");
            else if (!seen.IsSameObject(expected))
                wrong.Add($"{who} reads an /etc/resolv.conf that is not {file} (detached by a rename on the host, or never bound)");
        }
        return wrong.Count > 0
            ? new CheckItem("resolv-conf-seen", false, string.Join("; ", wrong))
            : new CheckItem("resolv-conf-seen", true, $"all {live.Count} processes read {file}");
    }
}
