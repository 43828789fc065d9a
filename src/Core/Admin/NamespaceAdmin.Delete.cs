using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Admin;

public sealed partial class NamespaceAdmin
{
    /// <summary>
    /// Same as: ip netns delete NAME, except that a namespace holding a live VPN device is refused unless
    /// <paramref name="force"/>: deleting it destroys the device under a running OpenVPN, which then spins
    /// on EBADFD forever (reference.md 1.8).
    /// </summary>
    public void Delete(string name, bool force)
    {
        string checkedName = NamespaceName.ParseExisting(name);
        if (!force && FindLiveVpnDevice(checkedName) is { } device)
            throw new VpnnsException("refusing to delete namespace",
                $"{NamespaceName.Quote(checkedName)} while VPN device {device} is live in it (stop the VPN first, or use --force)");
        Store.Delete(checkedName);
    }

    /// <summary>Same as: ip -all netns delete; stops at the first failure like iproute2.</summary>
    public void DeleteAll(bool force)
    {
        foreach (string name in Store.ListNames())
            Delete(name, force);
    }

    /// <summary>The first tun/tap/ppp/DCO device inside NAME that has a carrier, i.e. a process still holds it open.</summary>
    public string? FindLiveVpnDevice(string name)
    {
        NamespaceHandle ns;
        try { ns = Store.Open(name); }
        catch (VpnnsException) { return null; } // stale or vanished: nothing can be live in it
        using (ns)
        {
            var links = NamespaceThread.Run(ns, () =>
            {
                using var rtnl = RtnlClient.Open();
                return rtnl.ListLinks();
            });
            foreach (var link in links)
            {
                if (VpnDevice.IsLive(link))
                    return link.Name;
            }
        }
        return null;
    }
}
