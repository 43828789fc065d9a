using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Exec;

/// <summary>One verified entry of /etc/netns/NAME, to be bound over /etc/ENTRY.</summary>
public readonly record struct OverlayEntry(string Name, FileStatus Status);

/// <summary>
/// The verified contents of /etc/netns/NAME, which `ip netns exec` binds over /etc/* (reference.md 3.7 step 5)
/// and <see cref="EtcView"/> places in the private /etc: every source is checked before anything changes, then
/// reopened without following symlinks, compared with what was checked, and mounted through its descriptor,
/// so a path swapped in between is never mounted.
/// </summary>
public sealed class EtcOverlay
{
    private const int MaxDepth = 16;

    private EtcOverlay(string directory, IReadOnlyList<OverlayEntry> entries)
    {
        Directory = directory;
        Entries = entries;
    }

    /// <summary>/etc/netns/NAME.</summary>
    public string Directory { get; }

    public IReadOnlyList<OverlayEntry> Entries { get; }

    /// <summary>Checks /etc/netns/NAME and everything in it; throws naming the first unsafe path.</summary>
    public static EtcOverlay Plan(NamespacePaths paths, NamespaceName name)
    {
        string directory = paths.EtcDirectoryOf(name.Value);
        if (!CheckDirectory(paths.EtcDirectory) || !CheckDirectory(directory))
            return new EtcOverlay(directory, []);
        using var dir = FileSystemCalls.OpenDirectory(null, directory, directory);
        Require(LibcCalls.Stat(dir, directory), directory, OverlayRules.DirectoryProblem);
        var entries = new List<OverlayEntry>();
        foreach (var entry in DirectoryEntries.Read(dir, directory))
        {
            string path = directory + "/" + entry.Name;
            var status = StatNoFollow(dir, entry.Name, path);
            Require(status, path, OverlayRules.TopLevelProblem);
            if (status.IsDirectory)
                CheckTree(dir, entry.Name, path, depth: 1);
            entries.Add(new OverlayEntry(entry.Name, status));
        }
        return new EtcOverlay(directory, entries);
    }

    public bool Has(string name) => Entries.Any(e => e.Name == name);

    /// <summary>Opens /etc/netns/NAME again, inside the new mount namespace where the binds are made.</summary>
    public FileDescriptor OpenDirectory() => FileSystemCalls.OpenDirectory(null, Directory, Directory);

    /// <summary>
    /// Opens entry <paramref name="name"/> of <paramref name="dir"/> (from <see cref="OpenDirectory"/>) without
    /// following symlinks and refuses it unless it is still the object <see cref="Plan"/> checked: a bind source
    /// must belong to the caller's mount namespace, so the descriptors are taken here, not reused from the plan.
    /// </summary>
    public FileDescriptor OpenVerified(FileDescriptor dir, string name)
    {
        var entry = Entries.First(e => e.Name == name);
        string source = Directory + "/" + name;
        int errno = FileSystemCalls.TryOpenPath(dir, name, out var fd);
        if (errno != 0)
            throw new VpnnsException("cannot open", source, errno);
        var now = LibcCalls.Stat(fd!, source);
        if (!now.IsSameObject(entry.Status) || now.Mode != entry.Status.Mode || now.Uid != entry.Status.Uid)
        {
            fd!.Dispose();
            throw new VpnnsException("changed while starting, refusing to bind", source);
        }
        return fd!;
    }

    /// <summary>False when the directory does not exist (nothing to bind); throws when it is unsafe.</summary>
    private static bool CheckDirectory(string path)
    {
        int errno = LibcCalls.TryStat(path, followSymlinks: false, out var status);
        if (errno == Errno.ENOENT)
            return false;
        if (errno != 0)
            throw new VpnnsException("cannot stat", path, errno);
        Require(status, path, OverlayRules.DirectoryProblem);
        return true;
    }

    private static void CheckTree(FileDescriptor parent, string name, string path, int depth)
    {
        if (depth > MaxDepth)
            throw new VpnnsException("refusing to bind (nested too deeply)", path);
        using var dir = FileSystemCalls.OpenDirectory(parent, name, path);
        foreach (var entry in DirectoryEntries.Read(dir, path))
        {
            string child = path + "/" + entry.Name;
            var status = StatNoFollow(dir, entry.Name, child);
            Require(status, child, OverlayRules.NestedProblem);
            if (status.IsDirectory)
                CheckTree(dir, entry.Name, child, depth + 1);
        }
    }

    private static FileStatus StatNoFollow(FileDescriptor dir, string name, string path)
    {
        int errno = FileSystemCalls.TryOpenPath(dir, name, out var fd);
        if (errno != 0)
            throw new VpnnsException("cannot open", path, errno);
        using (fd)
            return LibcCalls.Stat(fd!, path);
    }

    private static void Require(FileStatus status, string path, Func<FileStatus, string?> rule)
    {
        if (rule(status) is { } problem)
            throw new VpnnsException($"refusing to bind ({problem})", path);
    }
}
