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
        using var exclusive = HookLockFor(checkedName);
        if (!force && FindLiveVpnDevice(checkedName) is { } device)
            throw new VpnnsException("refusing to delete namespace",
                $"{NamespaceName.Quote(checkedName)} while VPN device {device} is live in it (stop the VPN first, or use --force)");
        if (!force && DataUnder(checkedName) is { } what)
            throw new VpnnsException("refusing to delete",
                $"{NamespaceName.Quote(Store.Paths.RunFile(checkedName))}: {what}, not a namespace (use --force to remove it)");
        Store.Delete(checkedName);
    }

    // ip netns delete would unlink whatever is there; a file with content was put there by someone, on purpose.
    private string? DataUnder(string name)
    {
        string file = Store.Paths.RunFile(name);
        if (Interop.LibcCalls.TryStat(file, followSymlinks: false, out var status) != 0)
            return null;
        if (status.IsRegularFile && status.Size == 0)
            return null; // a placeholder, or a mounted namespace (nsfs files have size 0)
        return NamespaceStore.NotAPlaceholder(status);
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
