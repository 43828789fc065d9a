namespace Vpnns.Interop;

/// <summary>
/// An exclusive flock(2) on a lock file, held for as long as the returned descriptor is open. The kernel drops
/// the lock when the holder dies, however it dies, so a killed run never leaves a stale lock behind; the file
/// itself is never removed (unlinking lock files races with the next opener).
/// </summary>
public static class LockFile
{
    public static FileDescriptor AcquireExclusive(string path)
    {
        var fd = LibcCalls.Open(path, Native.O_RDWR | Native.O_CREAT | Native.O_NOFOLLOW | Native.O_NOCTTY, 0x180 /* 0600 */,
            operation: "cannot open lock file");
        try
        {
            LibcCalls.Flock(fd, Native.LOCK_EX, path);
            return fd;
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>True when someone holds the lock right now (for tests and diagnostics; the answer may change at once).</summary>
    public static bool IsHeld(string path)
    {
        if (LibcCalls.TryOpen(path, Native.O_RDONLY | Native.O_NOFOLLOW, out var fd) != 0)
            return false;
        using (fd)
        {
            if (Native.Flock(fd!, Native.LOCK_EX | Native.LOCK_NB) == 0)
                return false; // closing the descriptor releases the probe lock
            return Errno.Last() == Errno.EAGAIN;
        }
    }

    /// <summary>mkdir -m MODE for a root-owned runtime directory; an existing one is fine.</summary>
    public static void EnsureDirectory(string path, uint mode)
    {
        int errno = LibcCalls.TryMkdir(path, mode);
        if (errno != 0 && errno != Errno.EEXIST)
            throw new VpnnsException("cannot create directory", path, errno);
    }
}
