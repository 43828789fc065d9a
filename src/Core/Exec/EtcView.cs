using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// Builds the private /etc of <see cref="EtcViewPlan"/> inside the launcher's new mount namespace. Everything
/// the view is made from is read through descriptors taken before the tmpfs covers /etc: the host's /etc stays
/// reachable through its directory descriptor (a lookup relative to it never sees the mount on top of it).
/// </summary>
public static class EtcView
{
    private const string Etc = "/etc";
    private const ulong TmpfsFlags = Native.MS_NOSUID | Native.MS_NODEV | Native.MS_NOEXEC;
    // Only names and the filtered nsswitch.conf live on it; the host's files stay on their own file systems.
    private const string TmpfsOptions = "mode=0755,size=1m,nr_inodes=8192";
    private const uint DirectoryMode = 0x1ed; // 0755
    private const uint FileMode = 0x1a4; // 0644

    /// <summary>
    /// Replaces /etc when the namespace has entries of its own or the resolver sources must be filtered;
    /// otherwise leaves the host's /etc as it is. Any failure is fatal: a half-built /etc must never run a program.
    /// </summary>
    public static void Apply(EtcOverlay overlay, bool filterResolvers)
    {
        using var etc = FileSystemCalls.OpenDirectory(null, Etc, Etc);
        string? nsswitch = filterResolvers && !overlay.Has("nsswitch.conf") ? FilteredNsswitch(etc) : null;
        if (overlay.Entries.Count == 0 && nsswitch is null)
            return;
        var host = ReadHostEntries(etc);
        var view = EtcViewPlan.Build(host, overlay.Entries, nsswitch);
        using var own = overlay.Entries.Count > 0 ? overlay.OpenDirectory() : null;
        MountCalls.MountTmpfs("vpnns", Etc, TmpfsFlags, TmpfsOptions);
        foreach (var entry in view)
            Create(entry, etc, own, overlay);
        MountCalls.RemountReadOnly(Etc, TmpfsFlags);
    }

    private static void Create(EtcViewEntry entry, FileDescriptor hostEtc, FileDescriptor? own, EtcOverlay overlay)
    {
        string target = Etc + "/" + entry.Name;
        switch (entry.Source)
        {
            case EtcSource.HostSymlink:
                MountCalls.CreateSymlink(entry.Text!, target);
                return;
            case EtcSource.Written:
                SmallFile.Write(target, entry.Text!, FileMode);
                return;
            case EtcSource.Namespace:
                using (var source = overlay.OpenVerified(own!, entry.Name))
                    BindOver(source, overlay.Directory + "/" + entry.Name, target, entry.IsDirectory);
                return;
            case EtcSource.Host:
                // Through the descriptor of the covered /etc: a lookup below it never sees the tmpfs on top.
                BindOver(FileSystemCalls.MagicLink(hostEtc) + "/" + entry.Name, target, target, entry.IsDirectory,
                    vanishedIsFine: true);
                return;
        }
    }

    private static void BindOver(FileDescriptor source, string sourcePath, string target, bool isDirectory) =>
        BindOver(FileSystemCalls.MagicLink(source), sourcePath, target, isDirectory, vanishedIsFine: false);

    private static void BindOver(string source, string sourcePath, string target, bool isDirectory, bool vanishedIsFine)
    {
        if (isDirectory)
            MountCalls.CreateDirectory(target, DirectoryMode);
        else
            MountCalls.CreateEmptyFile(target, FileMode);
        int errno = MountCalls.TryBind(source, target);
        // Removed by the host since it was listed: the view lacks it as the host does (an empty mount point stays).
        if (errno == Errno.ENOENT && vanishedIsFine)
            return;
        if (errno != 0)
            throw new VpnnsException("cannot bind", $"{sourcePath} -> {target}", errno);
    }

    private static List<HostEtcEntry> ReadHostEntries(FileDescriptor etc)
    {
        var entries = new List<HostEtcEntry>();
        foreach (var entry in DirectoryEntries.Read(etc, Etc))
        {
            byte type = entry.Type;
            if (type == DirectoryEntry.DT_UNKNOWN)
                type = TypeOf(etc, entry.Name);
            string? link = type == DirectoryEntry.DT_LNK ? MountCalls.ReadLink(etc, entry.Name, Etc + "/" + entry.Name) : null;
            entries.Add(new HostEtcEntry(entry.Name, type == DirectoryEntry.DT_DIR, link));
        }
        return entries;
    }

    // Some file systems leave d_type unset; only then is each entry looked at.
    private static byte TypeOf(FileDescriptor etc, string name)
    {
        int errno = FileSystemCalls.TryOpenPath(etc, name, out var fd);
        if (errno != 0)
            throw new VpnnsException("cannot open", Etc + "/" + name, errno);
        using (fd)
        {
            var status = LibcCalls.Stat(fd!, Etc + "/" + name);
            return status.IsDirectory ? DirectoryEntry.DT_DIR : status.IsSymlink ? DirectoryEntry.DT_LNK : DirectoryEntry.DT_REG;
        }
    }

    /// <summary>The host's nsswitch.conf with host-daemon sources removed, or null when it needs no change or is absent.</summary>
    private static string? FilteredNsswitch(FileDescriptor etc)
    {
        int errno = LibcCalls.TryOpenAt(etc, "nsswitch.conf", Native.O_RDONLY | Native.O_NOCTTY, out var fd);
        if (errno == Errno.ENOENT)
            return null; // glibc's built-in default uses dns and files only
        if (errno != 0)
            throw new VpnnsException("cannot open", Etc + "/nsswitch.conf", errno);
        using (fd)
            return NsswitchFilter.Filter(System.Text.Encoding.UTF8.GetString(SmallFile.ReadAll(fd!, Etc + "/nsswitch.conf")));
    }
}
