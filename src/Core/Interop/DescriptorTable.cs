namespace Vpnns.Interop;

/// <summary>The process's open file descriptors, as listed by /proc/self/fd.</summary>
public static class DescriptorTable
{
    /// <summary>Open descriptors that survive execve (no FD_CLOEXEC): at start, exactly what our caller passed.</summary>
    public static HashSet<int> ListInheritable()
    {
        var result = new HashSet<int>();
        foreach (int fd in ListOpen())
        {
            int flags = Native.Fcntl(fd, Native.F_GETFD, 0);
            if (flags >= 0 && (flags & Native.FD_CLOEXEC) == 0)
                result.Add(fd);
        }
        return result;
    }

    /// <summary>Closes every descriptor that would survive execve and is not in <paramref name="keep"/>.</summary>
    public static void CloseInheritableExcept(IReadOnlySet<int> keep)
    {
        foreach (int fd in ListInheritable())
        {
            if (!keep.Contains(fd))
                Native.Close(fd); // a stray descriptor of ours; never retried (see FileDescriptor)
        }
    }

    private static List<int> ListOpen()
    {
        var fds = new List<int>();
        using (var dir = LibcCalls.Open("/proc/self/fd", Native.O_RDONLY | Native.O_DIRECTORY))
        {
            foreach (var entry in DirectoryEntries.Read(dir, "/proc/self/fd", limit: int.MaxValue))
            {
                if (int.TryParse(entry.Name, out int fd))
                    fds.Add(fd);
            }
            // The descriptor used for the listing is in it; it is closed before anyone acts on the list.
            fds.Remove(dir.DangerousNumber);
        }
        return fds;
    }
}
