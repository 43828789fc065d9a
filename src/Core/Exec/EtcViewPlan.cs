namespace Vpnns.Exec;

/// <summary>How one host /etc entry was found: its name, whether it is a directory, and a symlink's text.</summary>
public readonly record struct HostEtcEntry(string Name, bool IsDirectory, string? LinkTarget = null)
{
    public bool IsSymlink => LinkTarget is not null;
}

/// <summary>Where /etc/NAME inside comes from.</summary>
public enum EtcSource
{
    /// <summary>The host's /etc/NAME, bound over an entry of the private /etc.</summary>
    Host,
    /// <summary>/etc/netns/NS/NAME, bound the same way.</summary>
    Namespace,
    /// <summary>A copy of the host's symlink (same text, so relative targets resolve as on the host).</summary>
    HostSymlink,
    /// <summary>A file written into the private /etc (the filtered nsswitch.conf).</summary>
    Written,
}

/// <summary>One entry of the private /etc: its name, where it comes from, and what a mount point needs to be.</summary>
public readonly record struct EtcViewEntry(string Name, EtcSource Source, bool IsDirectory = false, string? Text = null);

/// <summary>
/// The private /etc a launched program sees (README "How DNS stays the VPN's"): a tmpfs of the launcher's own
/// on /etc, holding one entry per host entry. The host's rename() over /etc/resolv.conf (dhclient,
/// NetworkManager, systemd-resolved, resolvconf) removes a dentry of the host's /etc, and the kernel then
/// detaches every mount on that dentry in every mount namespace: a bind over /etc/resolv.conf itself (what
/// `ip netns exec` does) silently falls back to the host's servers. Here every mount point is a dentry of the
/// launcher's tmpfs, which nothing outside can rename, so no host rewrite can detach it. Binds, not symlinks,
/// so paths stay /etc/... for path-based confinement (AppArmor profiles name /etc/resolv.conf).
/// </summary>
public static class EtcViewPlan
{
    /// <summary>
    /// Namespace entries replace host entries of the same name and are added when the host has none; a
    /// <paramref name="filteredNsswitch"/> replaces the host's nsswitch.conf unless the namespace has its own.
    /// </summary>
    public static IReadOnlyList<EtcViewEntry> Build(IEnumerable<HostEtcEntry> host, IReadOnlyList<OverlayEntry> namespaceEntries,
        string? filteredNsswitch)
    {
        var fromNamespace = namespaceEntries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var view = new List<EtcViewEntry>();
        foreach (var entry in host)
        {
            if (fromNamespace.Remove(entry.Name, out var own))
                view.Add(new EtcViewEntry(own.Name, EtcSource.Namespace, own.Status.IsDirectory));
            else if (entry.Name == "nsswitch.conf" && filteredNsswitch is not null)
                view.Add(new EtcViewEntry(entry.Name, EtcSource.Written, Text: filteredNsswitch));
            else if (entry.IsSymlink)
                view.Add(new EtcViewEntry(entry.Name, EtcSource.HostSymlink, Text: entry.LinkTarget));
            else
                view.Add(new EtcViewEntry(entry.Name, EtcSource.Host, entry.IsDirectory));
        }
        // What the host lacks (iproute2 skips these with a warning; here they simply appear), in a stable order.
        foreach (var own in namespaceEntries.Where(e => fromNamespace.ContainsKey(e.Name)))
            view.Add(new EtcViewEntry(own.Name, EtcSource.Namespace, own.Status.IsDirectory));
        return view;
    }
}
