using Vpnns.Interop;

namespace Vpnns.Namespaces;

public sealed partial class NamespaceStore
{
    /// <summary>Same as: ip netns identify PID — the last name whose namespace is PID's, or null.</summary>
    public string? Identify(int pid)
    {
        FileStatus target = StatNamespaceOfProcess(pid);
        string? match = null;
        foreach (string name in ListNames())
        {
            if (LibcCalls.TryStat(Paths.RunFile(name), followSymlinks: true, out var st) == 0 && st.IsSameObject(target))
                match = name;
        }
        return match;
    }

    /// <summary>All names that refer to the namespace <paramref name="ns"/>.</summary>
    public IReadOnlyList<string> NamesOf(FileStatus ns)
    {
        var names = new List<string>();
        foreach (string name in ListNames())
        {
            if (LibcCalls.TryStat(Paths.RunFile(name), followSymlinks: true, out var st) == 0 && st.IsSameObject(ns))
                names.Add(name);
        }
        return names;
    }

    /// <summary>Same as: ip netns pids NAME — every process whose network namespace is NAME's.</summary>
    public IReadOnlyList<int> Pids(string name)
    {
        string file = Paths.RunFile(name);
        int errno = LibcCalls.TryStat(file, followSymlinks: true, out var target);
        if (errno != 0)
            throw new VpnnsException("cannot open network namespace", NamespaceName.Quote(name), errno);
        return ProcessesIn(target);
    }

    /// <summary>Processes whose /proc/PID/ns/net is the namespace identified by <paramref name="ns"/>.</summary>
    public static IReadOnlyList<int> ProcessesIn(FileStatus ns)
    {
        var pids = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
                continue;
            // Processes exit while we scan; a vanished entry is simply not a match.
            if (LibcCalls.TryStat(dir + "/ns/net", followSymlinks: true, out var st) == 0 && st.IsSameObject(ns))
                pids.Add(pid);
        }
        pids.Sort();
        return pids;
    }

    public static FileStatus StatNamespaceOfProcess(int pid)
    {
        string path = pid == 0 ? "/proc/self/ns/net" : $"/proc/{pid}/ns/net";
        int errno = LibcCalls.TryStat(path, followSymlinks: true, out var st);
        if (errno != 0)
            throw new VpnnsException("cannot open network namespace", path, errno);
        return st;
    }
}
