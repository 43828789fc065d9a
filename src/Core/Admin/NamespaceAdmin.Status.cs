using System.Net.Sockets;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;
using Vpnns.Vpn;

namespace Vpnns.Admin;

public sealed partial class NamespaceAdmin
{
    /// <summary>
    /// Devices, traffic, addresses, routes, DNS, the VPN's origin and processes of NAME, or of every namespace
    /// when null. One thread visits the namespaces in turn (setns per namespace, not a thread each) and /proc
    /// is read once for all of them: at 1000 namespaces this is what keeps status fast (bench/cli).
    /// </summary>
    public IReadOnlyList<NamespaceStatus> Status(string? name) =>
        StatusWith<object>(name, static (_, _) => null).Select(s => s.Status).ToList();

    /// <summary>
    /// <see cref="Status"/> plus whatever <paramref name="inside"/> asks, per namespace, from an rtnetlink socket
    /// opened inside it (given the namespace's devices); `check` uses it for route lookups, so it needs no
    /// namespace walk of its own. Extra is null for a namespace that could not be opened.
    /// </summary>
    internal IReadOnlyList<(NamespaceStatus Status, T? Extra)> StatusWith<T>(string? name, Func<RtnlClient, IReadOnlyList<LinkInfo>, T?> inside)
        where T : class
    {
        var names = name is null ? Store.ListNames() : [NamespaceName.ParseExisting(name)];
        if (name is not null && !Store.Exists(names[0]))
            throw new VpnnsException("cannot open network namespace", NamespaceName.Quote(names[0]), Errno.ENOENT);
        using var outside = RtnlClient.Open();
        var inspected = NamespaceThread.RunOnDedicatedThread(() => names.Select(n => Inspect(n, outside, inside)).ToList());
        var processes = NamespaceProcesses.Scan(inspected.Where(i => i.Identity is not null).Select(i => i.Identity!.Value));
        var states = new TunnelStateStore(new HookPaths(HookPaths.System.RunDirectory, Paths));
        var result = new List<(NamespaceStatus, T?)>(inspected.Count);
        foreach (var i in inspected)
        {
            var dns = ResolvConfSummary.Read(Paths.EtcDirectoryOf(i.Name) + "/resolv.conf");
            var tunnel = TunnelOf(i.Name, states);
            if (i.Problem is not null)
            {
                result.Add((new NamespaceStatus(i.Name, null, i.Problem, [], [], dns, [], tunnel), null));
                continue;
            }
            var own = processes.GetValueOrDefault((i.Identity!.Value.Device, i.Identity.Value.Inode)) ?? [];
            result.Add((new NamespaceStatus(i.Name, i.Id, null, Devices(i.Links, i.Addresses), Routes(i.Routes, i.Links), dns, own, tunnel),
                i.Extra));
        }
        return result;
    }

    private NamespacePaths Paths => Store.Paths;

    /// <summary>What the kernel says about one namespace, gathered from inside it.</summary>
    private sealed record Inspection<T>(string Name, string? Problem, FileStatus? Identity, int? Id,
        IReadOnlyList<LinkInfo> Links, IReadOnlyList<AddressInfo> Addresses, IReadOnlyList<RouteInfo> Routes, T? Extra = null)
        where T : class;

    // Runs on the dedicated thread, which it moves into the namespace: every later call there starts with setns.
    private Inspection<T> Inspect<T>(string name, RtnlClient outside, Func<RtnlClient, IReadOnlyList<LinkInfo>, T?> inside)
        where T : class
    {
        NamespaceHandle ns;
        try { ns = Store.Open(name); }
        catch (VpnnsException e) { return new Inspection<T>(name, e.Message, null, null, [], [], []); }
        using (ns)
        {
            int? id = TryGetNsid(outside, ns.Fd);
            LibcCalls.SetNetworkNamespace(ns.Fd, ns.Path);
            using var rtnl = RtnlClient.Open();
            var links = rtnl.ListLinks();
            var addresses = rtnl.ListAddresses();
            var routes = new List<RouteInfo>();
            // Routes need a device that is up; a namespace with none (most idle ones) has nothing to dump.
            if (links.Any(l => l.IsUp))
            {
                routes.AddRange(rtnl.ListRoutes(AddressFamily.InterNetwork));
                routes.AddRange(rtnl.ListRoutes(AddressFamily.InterNetworkV6));
            }
            return new Inspection<T>(name, null, ns.Status, id, links, addresses, routes, inside(rtnl, links));
        }
    }

    private static TunnelStatus? TunnelOf(string name, TunnelStateStore states)
    {
        if (!NamespaceName.TryParse(name, out var parsed))
            return null; // a name iproute2 accepts but the hooks never use
        TunnelState? state;
        try { state = states.Read(parsed); }
        catch (VpnnsException) { return null; } // unreadable: status reports what it can
        if (state?.Origin is not { } origin)
            return null;
        string upSince = DateTimeOffset.FromUnixTimeSeconds(origin.UpSince).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        return new TunnelStatus(state.Device, origin.Daemon, origin.Source, origin.Pid, IsRunning(origin), upSince);
    }

    /// <summary>Whether the recorded pid still runs the recorded daemon (pids are reused).</summary>
    private static bool IsRunning(TunnelOrigin origin) =>
        origin.Pid is int pid && SmallFile.ReadOrNull($"/proc/{pid}/comm")?.TrimEnd('\n') == origin.Daemon;

    private static List<DeviceStatus> Devices(IReadOnlyList<LinkInfo> links, IReadOnlyList<AddressInfo> addresses)
    {
        var devices = new List<DeviceStatus>(links.Count);
        foreach (var link in links)
        {
            var own = new List<string>();
            foreach (var a in addresses)
            {
                if (a.Index == link.Index)
                    own.Add(a.Peer is null ? $"{a.Local}/{a.PrefixLength}" : $"{a.Local} peer {a.Peer}/{a.PrefixLength}");
            }
            devices.Add(new DeviceStatus(link.Name, link.Kind, link.IsUp, VpnDevice.IsTunnelKind(link.Kind),
                VpnDevice.IsLive(link), link.Mtu, own, link.Traffic?.ReceivedBytes, link.Traffic?.SentBytes));
        }
        return devices;
    }

    private static List<RouteStatus> Routes(IReadOnlyList<RouteInfo> routes, IReadOnlyList<LinkInfo> links)
    {
        var result = new List<RouteStatus>(routes.Count);
        foreach (var r in routes)
        {
            // Local and multicast housekeeping routes say nothing about where traffic goes.
            if (r.Type != RouteType.Unicast || r.Destination.BaseAddress.IsIPv6LinkLocal)
                continue;
            string destination = r.Destination.PrefixLength == 0 ? "default" : r.Destination.ToString();
            string? device = links.FirstOrDefault(l => l.Index == r.OutputIndex)?.Name;
            result.Add(new RouteStatus(destination, r.Gateway?.ToString(), device, r.Metric));
        }
        return result;
    }
}
