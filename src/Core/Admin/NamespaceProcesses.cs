using Vpnns.Interop;

namespace Vpnns.Admin;

/// <summary>A process found inside a namespace: its pid, command name and user.</summary>
public sealed record ProcessStatus(int Pid, string Command, string User);

/// <summary>
/// Which processes run in which of a set of namespaces, from one pass over /proc: one stat of
/// /proc/PID/ns/net per process, whatever the number of namespaces asked about (the per-namespace scan it
/// replaces made `status` at 1000 namespaces read /proc a thousand times).
/// </summary>
public static class NamespaceProcesses
{
    /// <summary>Processes per namespace identity (device and inode of the nsfs file); namespaces with none are absent.</summary>
    public static Dictionary<(ulong Device, ulong Inode), List<ProcessStatus>> Scan(IEnumerable<FileStatus> namespaces)
    {
        var wanted = new HashSet<(ulong, ulong)>();
        foreach (var ns in namespaces)
            wanted.Add((ns.Device, ns.Inode));
        var found = new Dictionary<(ulong, ulong), List<ProcessStatus>>();
        if (wanted.Count == 0)
            return found;
        var users = new Dictionary<uint, string>();
        using var proc = FileSystemCalls.OpenDirectory(null, "/proc", "/proc");
        foreach (var entry in DirectoryEntries.Read(proc, "/proc", limit: 1 << 22))
        {
            if (!int.TryParse(entry.Name, out int pid))
                continue;
            // Processes exit while we scan; a vanished entry is simply not a match.
            if (LibcCalls.TryStat($"/proc/{pid}/ns/net", followSymlinks: true, out var net) != 0)
                continue;
            var key = (net.Device, net.Inode);
            if (!wanted.Contains(key) || LibcCalls.TryStat($"/proc/{pid}", followSymlinks: false, out var owner) != 0)
                continue;
            if (!found.TryGetValue(key, out var list))
                found[key] = list = [];
            list.Add(new ProcessStatus(pid, CommandOf(pid), UserName(owner.Uid, users)));
        }
        foreach (var list in found.Values)
            list.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        return found;
    }

    private static string CommandOf(int pid) =>
        SmallFile.ReadOrNull($"/proc/{pid}/comm")?.TrimEnd('\n') ?? "?"; // "?" when it exited while we looked

    private static string UserName(uint uid, Dictionary<uint, string> cache)
    {
        if (!cache.TryGetValue(uid, out var name))
            cache[uid] = name = UserDatabase.UserById(uid)?.Name ?? uid.ToString();
        return name;
    }
}
