using Vpnns.Interop;

namespace Vpnns.Namespaces;

/// <summary>
/// Named network namespaces exactly as iproute2 keeps them (reference.md 3.2–3.6): a bind mount of an
/// nsfs file at RUNDIR/NAME. What one tool creates, the other sees and removes.
/// </summary>
public sealed partial class NamespaceStore(NamespacePaths paths)
{
    public NamespaceStore() : this(NamespacePaths.System) { }

    public NamespacePaths Paths { get; } = paths;

    /// <summary>Entry names in directory order, as `ip netns list` shows them (including names we would not create).</summary>
    public IReadOnlyList<string> ListNames()
    {
        var names = new List<string>();
        if (!Directory.Exists(Paths.RunDirectory))
            return names;
        foreach (string path in Directory.EnumerateFileSystemEntries(Paths.RunDirectory))
            names.Add(Path.GetFileName(path));
        return names;
    }

    public bool Exists(string name) => LibcCalls.TryStat(Paths.RunFile(name), followSymlinks: false, out _) == 0;

    /// <summary>Opens a named namespace and verifies it is one; symlinks are not followed.</summary>
    public NamespaceHandle Open(string name) => NamespaceHandle.Open(Paths.RunFile(name), followSymlinks: false);

    /// <summary>Same as: ip netns add NAME. Returns the new namespace, open.</summary>
    public NamespaceHandle Create(NamespaceName name) =>
        Bind(name.Value, () => NamespaceThread.RunInNewNamespace(() =>
            LibcCalls.TryMount("/proc/thread-self/ns/net", Paths.RunFile(name.Value), "none", Native.MS_BIND)),
            "/proc/thread-self/ns/net");

    /// <summary>Same as: ip netns attach NAME PID.</summary>
    public NamespaceHandle Attach(NamespaceName name, int pid)
    {
        if (pid <= 0)
            throw VpnnsException.Invalid("invalid PID", pid.ToString());
        string source = $"/proc/{pid}/ns/net";
        return Bind(name.Value, () => LibcCalls.TryMount(source, Paths.RunFile(name.Value), "none", Native.MS_BIND), source);
    }

    /// <summary>
    /// Opens NAME if it is a live namespace, else creates it. A stale placeholder (an empty file left by a
    /// crash or by a run in a slave mount namespace, reference.md 5.5) is removed and replaced; anything else
    /// under the name is someone's data and is refused before anything changes.
    /// </summary>
    public NamespaceHandle OpenOrCreate(NamespaceName name, out bool created)
    {
        created = false;
        string file = Paths.RunFile(name.Value);
        if (LibcCalls.TryStat(file, followSymlinks: false, out var status) == 0)
        {
            if (status.IsRegularFile && TryOpenLive(file) is { } live)
                return live;
            if (NotAPlaceholder(status) is { } what)
                throw new VpnnsException("refusing to replace", $"{file}: {what}, not a namespace or an empty placeholder");
            RemoveStalePlaceholder(file);
        }
        created = true;
        return Create(name);
    }

    /// <summary>
    /// What an entry that is not a mounted namespace is, when it is more than an empty placeholder; null for a
    /// placeholder. Only an empty regular file can be a crash's leftover: iproute2 and vpnns never write one.
    /// </summary>
    public static string? NotAPlaceholder(FileStatus status) => status switch
    {
        { IsRegularFile: true, Size: 0 } => null,
        { IsRegularFile: true } => $"a regular file with {status.Size} bytes",
        { IsDirectory: true } => "a directory",
        { IsSymlink: true } => "a symbolic link",
        _ => "a special file",
    };

    /// <summary>Same as: ip netns delete NAME. Detaches the mount, then removes the file.</summary>
    public void Delete(string name)
    {
        string file = Paths.RunFile(name);
        // Like iproute2: the unmount fails harmlessly for a stale placeholder; the unlink decides.
        LibcCalls.TryUnmount(file, Native.MNT_DETACH);
        int errno = LibcCalls.TryUnlink(file);
        if (errno != 0)
            throw new VpnnsException("cannot remove namespace file", NamespaceName.Quote(file), errno);
    }

    /// <summary>Removes NAME if present; absence is success (teardown is idempotent).</summary>
    public bool DeleteIfExists(string name)
    {
        if (!Exists(name))
            return false;
        Delete(name);
        return true;
    }

    private static NamespaceHandle? TryOpenLive(string file)
    {
        try
        {
            return NamespaceHandle.Open(file, followSymlinks: false);
        }
        catch (VpnnsException)
        {
            return null; // not nsfs: the caller treats it as a stale placeholder
        }
    }

    private static void RemoveStalePlaceholder(string file)
    {
        LibcCalls.TryUnmount(file, Native.MNT_DETACH);
        int errno = LibcCalls.TryUnlink(file);
        if (errno != 0 && errno != Errno.ENOENT)
            throw new VpnnsException("cannot remove stale namespace file", NamespaceName.Quote(file), errno);
    }
}
