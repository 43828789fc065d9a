using System.Net.Sockets;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Admin;

public sealed partial class NamespaceAdmin
{
    /// <summary>Devices, addresses, routes, DNS and processes of NAME, or of every namespace when null.</summary>
    public IReadOnlyList<NamespaceStatus> Status(string? name)
    {
        var names = name is null ? Store.ListNames() : [NamespaceName.ParseExisting(name)];
        if (name is not null && !Store.Exists(names[0]))
            throw new VpnnsException("cannot open network namespace", NamespaceName.Quote(names[0]), Errno.ENOENT);
        var result = new List<NamespaceStatus>(names.Count);
        using var rtnl = RtnlClient.Open();
        foreach (string n in names)
            result.Add(StatusOf(n, rtnl));
        return result;
    }

    private NamespaceStatus StatusOf(string name, RtnlClient outside)
    {
        var dns = ResolvConfSummary.Read(Paths.EtcDirectoryOf(name) + "/resolv.conf");
        NamespaceHandle ns;
        try { ns = Store.Open(name); }
        catch (VpnnsException e) { return new NamespaceStatus(name, null, e.Message, [], [], dns, []); }
        using (ns)
        {
            int? id = TryGetNsid(outside, Paths.RunFile(name));
            var (links, addresses, routes) = NamespaceThread.Run(ns, () =>
            {
                using var inside = RtnlClient.Open();
                var r = new List<RouteInfo>(inside.ListRoutes(AddressFamily.InterNetwork));
                r.AddRange(inside.ListRoutes(AddressFamily.InterNetworkV6));
                return (inside.ListLinks(), inside.ListAddresses(), r);
            });
            var processes = new List<ProcessStatus>();
            foreach (int pid in NamespaceStore.ProcessesIn(ns.Status))
                processes.Add(new ProcessStatus(pid, ProcessName(pid)));
            return new NamespaceStatus(name, id, null, Devices(links, addresses), Routes(routes, links), dns, processes);
        }
    }

    private NamespacePaths Paths => Store.Paths;

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
                VpnDevice.IsLive(link), link.Mtu, own));
        }
        return devices;
    }

    private static List<RouteStatus> Routes(List<RouteInfo> routes, IReadOnlyList<LinkInfo> links)
    {
        var result = new List<RouteStatus>(routes.Count);
        foreach (var r in routes)
        {
            // Local and multicast housekeeping routes say nothing about where traffic goes.
            if (r.Type != RouteType.Unicast || r.Destination.BaseAddress.IsIPv6LinkLocal)
                continue;
            string destination = r.Destination.PrefixLength == 0 ? "default" : r.Destination.ToString();
            string? device = null;
            foreach (var l in links)
            {
                if (l.Index == r.OutputIndex) device = l.Name;
            }
            result.Add(new RouteStatus(destination, r.Gateway?.ToString(), device, r.Metric));
        }
        return result;
    }

    private static string ProcessName(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n'); }
        catch (IOException) { return "?"; } // exited while we looked
    }
}
