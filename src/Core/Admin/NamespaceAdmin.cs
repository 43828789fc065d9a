using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Vpn;
using Vpnns.Netlink;

namespace Vpnns.Admin;

/// <summary>The `ip netns` verbs, implemented on the namespace store and rtnetlink (one method per verb).</summary>
public sealed partial class NamespaceAdmin(NamespaceStore store)
{
    public NamespaceAdmin() : this(new NamespaceStore()) { }

    public NamespaceStore Store { get; } = store;

    /// <summary>Same as: ip netns list. Entries that are not live namespaces are listed without an id.</summary>
    public IReadOnlyList<NamespaceEntry> List()
    {
        var names = Store.ListNames();
        var entries = new List<NamespaceEntry>(names.Count);
        if (names.Count == 0)
            return entries;
        using var rtnl = RtnlClient.Open();
        foreach (string name in names)
            entries.Add(new NamespaceEntry(name, TryGetNsid(rtnl, Store.Paths.RunFile(name))));
        return entries;
    }

    /// <summary>Same as: ip netns add NAME.</summary>
    public void Add(NamespaceName name)
    {
        using var exclusive = HookLockFor(name.Value);
        Store.Create(name).Dispose();
    }

    /// <summary>Same as: ip netns attach NAME PID.</summary>
    public void Attach(NamespaceName name, int pid)
    {
        using var exclusive = HookLockFor(name.Value);
        Store.Attach(name, pid).Dispose();
    }

    /// <summary>
    /// The hooks' per-name lock, so an admin's add/attach/delete never lands between two steps of an up: a
    /// delete unmounts before it unlinks, and an up arriving in between would take the unmounted file for a
    /// crash's placeholder. Only for the system paths and names the hooks can have; without privileges the
    /// operation fails on its own, with its own reason.
    /// </summary>
    private NamespaceLock? HookLockFor(string name) =>
        Store.Paths == NamespacePaths.System && Environment.IsPrivilegedProcess && NamespaceName.TryParse(name, out var valid)
            ? NamespaceLock.Acquire(HookPaths.System, valid)
            : null;

    /// <summary>Same as: ip netns set NAME NETNSID (-1 for auto).</summary>
    public void SetId(string name, int nsid)
    {
        if (nsid < -1)
            throw VpnnsException.Invalid("invalid nsid (must be >= 0 or auto)", nsid.ToString());
        using var ns = Store.Open(NamespaceName.ParseExisting(name));
        using var rtnl = RtnlClient.Open();
        rtnl.SetNsid(ns.Fd, nsid);
    }

    /// <summary>Same as: ip netns identify [PID].</summary>
    public string? Identify(int pid) => Store.Identify(pid);

    /// <summary>Same as: ip netns pids NAME.</summary>
    public IReadOnlyList<int> Pids(string name) => Store.Pids(NamespaceName.ParseExisting(name));

    /// <summary>Same as: ip netns list-id — every nsid known here, with the name that refers to it.</summary>
    public IReadOnlyList<NsidListing> ListIds()
    {
        using var rtnl = RtnlClient.Open();
        var byId = new Dictionary<int, string>();
        foreach (string name in Store.ListNames())
        {
            if (TryGetNsid(rtnl, Store.Paths.RunFile(name)) is int id)
                byId[id] = name; // iproute2 reports the last name when several refer to one namespace
        }
        var listing = new List<NsidListing>();
        foreach (var entry in rtnl.ListNsids())
            listing.Add(new NsidListing(entry.Nsid, byId.GetValueOrDefault(entry.Nsid)));
        return listing;
    }

    /// <summary>Same as: ip netns monitor — reports names as they appear and disappear, until cancelled.</summary>
    public void Monitor(Action<bool, string> report, CancellationToken cancel = default)
    {
        LibcCalls.TryMkdir(Store.Paths.RunDirectory, 0x1ed);
        using var watch = new DirectoryWatch(Store.Paths.RunDirectory);
        while (!cancel.IsCancellationRequested)
        {
            foreach (var (created, name) in watch.Wait())
                report(created, name);
        }
    }

    private static int? TryGetNsid(RtnlClient rtnl, string file)
    {
        // A stale placeholder or a vanished entry is still listed, just without an id (as iproute2 does).
        if (LibcCalls.TryOpen(file, Native.O_RDONLY, out var fd) != 0)
            return null;
        using (fd)
            return TryGetNsid(rtnl, fd!);
    }

    private static int? TryGetNsid(RtnlClient rtnl, FileDescriptor namespaceFd)
    {
        try { return rtnl.GetNsid(namespaceFd); }
        catch (VpnnsException) { return null; }
    }
}
