using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// Hides the host's resolver daemons from a launched program (reference.md 7.2). A path-named AF_UNIX socket
/// is reachable from every network namespace that can see the file, so nscd, systemd-resolved (varlink) and
/// avahi would answer lookups through the host's network. An empty read-only tmpfs goes over each daemon's
/// runtime directory rather than over the socket: a daemon that restarts re-creates its socket (unlink, then
/// bind), which would detach a mount on the socket itself, while the directory survives a restart.
/// Not covered (README): a daemon that starts only after the program was launched, or one that removes and
/// re-creates its whole runtime directory. nsswitch.conf is filtered as well (<see cref="NsswitchFilter"/>),
/// so of the three only nscd, which glibc asks before any nsswitch source, remains exposed to those cases.
/// </summary>
public static class ResolverDaemonMask
{
    /// <summary>The daemons' runtime directories, spelled as their clients spell the socket paths.</summary>
    public static IReadOnlyList<string> Directories { get; } =
    [
        "/var/run/nscd",
        "/run/systemd/resolve",
        "/var/run/avahi-daemon",
    ];

    /// <summary>Masks every directory that exists. Runs inside the new mount namespace; a failure is fatal (fail closed).</summary>
    public static void Apply()
    {
        foreach (string directory in Directories)
        {
            int errno = LibcCalls.TryStat(directory, followSymlinks: true, out var status);
            if (errno is Errno.ENOENT or Errno.ENOTDIR)
                continue; // absent: no daemon to leak through
            if (errno != 0)
                throw new VpnnsException("cannot check resolver directory", directory, errno);
            if (!status.IsDirectory)
                continue;
            MountCalls.MountTmpfs("vpnns-mask", directory,
                Native.MS_RDONLY | Native.MS_NOSUID | Native.MS_NODEV | Native.MS_NOEXEC, "mode=0755,size=4k,nr_inodes=16");
        }
    }
}
