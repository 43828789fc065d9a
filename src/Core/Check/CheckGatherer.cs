using System.Net;
using System.Net.Sockets;
using Vpnns.Admin;
using Vpnns.Exec;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Check;

/// <summary>
/// Collects <see cref="CheckFacts"/> for one namespace: `status`'s walk (one namespace thread, one /proc scan)
/// with the extra netlink questions asked from inside, then the files the rules need. Reads only, changes nothing.
/// </summary>
public sealed class CheckGatherer(NamespaceAdmin admin)
{
    public CheckGatherer() : this(new NamespaceAdmin()) { }

    private static readonly (string Daemon, string Directory)[] Daemons =
        ResolverDaemonMask.Directories.Select(d => (DaemonOf(d), d)).ToArray();

    /// <summary>Throws (exit 2) for a name that is invalid or not a namespace, and (exit 1) for one that cannot be inspected.</summary>
    public CheckFacts Gather(string name)
    {
        string parsed = NamespaceName.ParseExisting(name);
        if (!admin.Store.Exists(parsed))
            throw new VpnnsException("no such network namespace", NamespaceName.Quote(parsed), exitCode: ExitCodes.InvalidInput);
        string etc = admin.Store.Paths.EtcDirectoryOf(parsed);
        var servers = ResolvConfSummary.Read(etc + "/resolv.conf").Servers;
        var (status, inside) = admin.StatusWith(parsed, (rtnl, links) => AskInside(rtnl, links, servers)).Single();
        if (status.Problem is not null)
            throw new VpnnsException("cannot check network namespace", $"{NamespaceName.Quote(parsed)} ({status.Problem})",
                exitCode: ExitCodes.Failure);
        FileStatus? resolvConf = LibcCalls.TryStat(etc + "/resolv.conf", followSymlinks: true, out var rc) == 0 ? rc : null;
        return new CheckFacts(status, inside!.DefaultRoutes, inside.Rules, resolvConf, inside.Lookups,
            [.. Daemons.Select(d => new SideChannelFact(d.Daemon, d.Directory, IsDirectory(d.Directory)))],
            NsswitchSources("/etc/nsswitch.conf") ?? [],
            NsswitchSources(etc + "/nsswitch.conf"),
            Etc(parsed),
            [.. status.Processes.Select(ProcessOf)]);
    }

    private sealed record Inside(IReadOnlyList<DefaultRouteFact> DefaultRoutes, IReadOnlyList<string> Rules, IReadOnlyList<DnsLookupFact> Lookups);

    // Runs on the namespace thread, inside the namespace.
    private static Inside AskInside(RtnlClient rtnl, IReadOnlyList<LinkInfo> links, IReadOnlyList<string> servers)
    {
        string? NameOf(int? index) => links.FirstOrDefault(l => l.Index == index)?.Name;
        var defaults = new List<DefaultRouteFact>();
        if (links.Any(l => l.IsUp))
        {
            foreach (var (family, label) in new[] { (AddressFamily.InterNetwork, "ipv4"), (AddressFamily.InterNetworkV6, "ipv6") })
            {
                foreach (var r in rtnl.ListRoutesInAllTables(family))
                {
                    if (r.Destination.PrefixLength == 0)
                        defaults.Add(new DefaultRouteFact(label, r.Table, r.Type, NameOf(r.OutputIndex), r.Gateway?.ToString()));
                }
            }
        }
        var rules = new List<string>();
        foreach (var (family, label) in new[] { (AddressFamily.InterNetwork, "ipv4"), (AddressFamily.InterNetworkV6, "ipv6") })
            rules.AddRange(rtnl.ListRules(family).Where(r => !r.IsDefault).Select(r => $"{label} rule {r}"));
        var lookups = new List<DnsLookupFact>();
        foreach (string server in servers)
        {
            // glibc accepts "fe80::1%eth0"; the scope does not change which device the kernel picks here.
            string bare = server.Split('%')[0];
            if (!IPAddress.TryParse(bare, out var address))
            {
                lookups.Add(new DnsLookupFact(server, false, false, null, null, null));
                continue;
            }
            var route = rtnl.LookupRoute(address);
            lookups.Add(new DnsLookupFact(server, true, IPAddress.IsLoopback(address), NameOf(route?.OutputIndex),
                route?.Gateway?.ToString(), route?.Type));
        }
        return new Inside(defaults, rules, lookups);
    }

    private EtcFact Etc(string name)
    {
        if (!IsDirectory(admin.Store.Paths.EtcDirectoryOf(name)) || !NamespaceName.TryParse(name, out var parsed))
            return new EtcFact(false, null, 0);
        // The launcher's own check, so `check` passes exactly when vpnns-exec would bind these files.
        try { return new EtcFact(true, null, EtcOverlay.Plan(admin.Store.Paths, parsed).Entries.Count); }
        catch (VpnnsException e) { return new EtcFact(true, e.Message, 0); }
    }

    private static ProcessFact ProcessOf(ProcessStatus p)
    {
        if (LibcCalls.TryStat($"/proc/{p.Pid}/ns/mnt", followSymlinks: true, out var mnt) != 0)
            return new ProcessFact(p.Pid, p.Command, p.User, false, null, Gone: true);
        // Ours is the admin's view of /etc, normally the host's (pid 1 may be elsewhere, e.g. in a container).
        bool shares = LibcCalls.TryStat("/proc/self/ns/mnt", followSymlinks: true, out var host) == 0 && mnt.IsSameObject(host);
        // Through /proc/PID/root the file is the one the process opens. An absolute symlink met on the way would be
        // resolved in our root, not its own: that matters only for a process whose /etc/resolv.conf is a symlink,
        // which vpnns-exec and ip netns exec never leave (they bind a file there).
        int errno = LibcCalls.TryStat($"/proc/{p.Pid}/root/etc/resolv.conf", followSymlinks: true, out var seen);
        if (errno == Errno.ESRCH || (errno == Errno.ENOENT && !Directory.Exists($"/proc/{p.Pid}")))
            return new ProcessFact(p.Pid, p.Command, p.User, shares, null, Gone: true);
        return new ProcessFact(p.Pid, p.Command, p.User, shares, errno == 0 ? seen : null);
    }

    private static IReadOnlyList<string>? NsswitchSources(string path) =>
        File.Exists(path) ? NsswitchFilter.HostDaemonSourcesIn(File.ReadAllText(path)) : null;

    private static bool IsDirectory(string path) =>
        LibcCalls.TryStat(path, followSymlinks: true, out var s) == 0 && s.IsDirectory;

    private static string DaemonOf(string directory) => directory switch
    {
        "/run/systemd/resolve" => "systemd-resolved",
        "/var/run/avahi-daemon" => "avahi",
        _ => Path.GetFileName(directory),
    };
}
