using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// Hides the host's resolver daemons inside the private mount namespace (reference.md 7.2). A path-named
/// AF_UNIX socket is reachable from every network namespace that can see the file, so nscd,
/// systemd-resolved (nss-resolve's varlink) and avahi (nss-mdns) would answer lookups through the host's
/// network, ignoring the namespace's resolv.conf. Binding /dev/null over each socket makes connect() fail
/// (ECONNREFUSED) and glibc falls back to the next source, i.e. `dns` with the overlaid resolv.conf.
/// Only the sockets are covered, not their directories: /etc/resolv.conf is often a symlink into
/// /run/systemd/resolve, and the namespace's resolv.conf is bound through it.
/// </summary>
public static class DnsLeakMask
{
    /// <summary>The socket paths exactly as the clients (glibc, libnss-resolve, libnss-mdns) spell them.</summary>
    public static IReadOnlyList<string> SocketPaths { get; } =
    [
        "/var/run/nscd/socket",
        "/run/systemd/resolve/io.systemd.Resolve",
        "/var/run/avahi-daemon/socket",
    ];

    /// <summary>Masks every socket that exists. Runs inside the new mount namespace; a failure is fatal (fail closed).</summary>
    public static void Apply()
    {
        FileDescriptor? devNull = null;
        try
        {
            foreach (string path in SocketPaths)
            {
                int errno = FileSystemCalls.TryOpenPath(null, path, out var socket);
                if (errno is Errno.ENOENT or Errno.ENOTDIR)
                    continue; // absent: no daemon to leak through
                if (errno != 0) // e.g. EMFILE from a caller's tiny RLIMIT_NOFILE: fail closed, never skip the mask
                    throw new VpnnsException("cannot check resolver socket", path, errno);
                using (socket)
                {
                    if (!LibcCalls.Stat(socket!, path).IsSocket)
                        continue;
                    devNull ??= OpenDevNull();
                    LibcCalls.Mount(FileSystemCalls.MagicLink(devNull), FileSystemCalls.MagicLink(socket!), null,
                        Native.MS_BIND, "cannot mask resolver socket " + path);
                }
            }
        }
        finally
        {
            devNull?.Dispose();
        }
    }

    private static FileDescriptor OpenDevNull()
    {
        int errno = FileSystemCalls.TryOpenPath(null, "/dev/null", out var fd);
        if (errno != 0)
            throw new VpnnsException("cannot open", "/dev/null", errno);
        var status = LibcCalls.Stat(fd!, "/dev/null");
        if (!status.IsCharacterDevice || status.Uid != 0)
        {
            fd!.Dispose();
            throw new VpnnsException("refusing to use", "/dev/null (not root's character device)");
        }
        return fd!;
    }
}
