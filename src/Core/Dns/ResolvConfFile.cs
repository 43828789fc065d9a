using System.Text;
using Microsoft.Win32.SafeHandles;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Dns;

/// <summary>What writing a namespace's resolv.conf changed, so a failed run can put it back.</summary>
/// <param name="PreviousContent">the file's bytes before we wrote, null when we created it</param>
public sealed record ResolvConfChange(bool CreatedDirectory, bool CreatedFile, byte[]? PreviousContent);

/// <summary>
/// /etc/netns/NAME/resolv.conf, updated in place: programs already in the namespace have it bind-mounted over
/// /etc/resolv.conf, and a bind mount pins the inode (reference.md 5.6) — replacing the file by rename would
/// leave them on the old servers. The file is overwritten from offset 0 and then cut to length.
/// </summary>
public static class ResolvConfFile
{
    private const UnixFileMode DirectoryMode = (UnixFileMode)0x1ed; // 0755
    private const UnixFileMode FileMode644 = (UnixFileMode)0x1a4;   // 0644: every program inside must read it

    public static ResolvConfChange Write(NamespacePaths paths, NamespaceName name, DnsSettings dns)
    {
        string directory = paths.EtcDirectoryOf(name.Value);
        EnsureDirectory(paths.EtcDirectory);
        bool createdDirectory = EnsureDirectory(directory);
        string file = directory + "/resolv.conf";
        bool existed = LibcCalls.TryStat(file, followSymlinks: false, out _) == 0;
        byte[] content = Encoding.UTF8.GetBytes(ResolvConf.Render(dns, name));
        using var fd = OpenForUpdate(file, create: true);
        using var handle = new SafeFileHandle(fd.DangerousGetHandle(), ownsHandle: false);
        byte[]? previous = existed ? ReadAll(handle) : null;
        // Our umask must not decide who can read it (pppd runs scripts with umask 077).
        SetMode(handle, FileMode644);
        Overwrite(handle, content, file);
        return new ResolvConfChange(createdDirectory, !existed, previous);
    }

    /// <summary>Undoes <see cref="Write"/>: restores the old bytes in place, or removes what it created.</summary>
    public static void Undo(NamespacePaths paths, NamespaceName name, ResolvConfChange change)
    {
        string directory = paths.EtcDirectoryOf(name.Value);
        if (change.PreviousContent is { } previous)
        {
            string file = directory + "/resolv.conf";
            using var fd = OpenForUpdate(file, create: false);
            using var handle = new SafeFileHandle(fd.DangerousGetHandle(), ownsHandle: false);
            Overwrite(handle, previous, file);
            return;
        }
        Remove(paths, name, change.CreatedDirectory);
    }

    /// <summary>Removes resolv.conf and, when asked, the directory if that leaves it empty. Absent is fine.</summary>
    public static void Remove(NamespacePaths paths, NamespaceName name, bool removeDirectory)
    {
        string directory = paths.EtcDirectoryOf(name.Value);
        int unlinked = LibcCalls.TryUnlink(directory + "/resolv.conf");
        if (unlinked is not (0 or Errno.ENOENT))
            throw new VpnnsException("cannot remove", directory + "/resolv.conf", unlinked);
        if (!removeDirectory)
            return;
        int errno = LibcCalls.TryRmdir(directory);
        // Not empty means someone put their own files there: they stay, and so does the directory.
        if (errno is not (0 or Errno.ENOENT or Errno.ENOTEMPTY or Errno.EEXIST))
            throw new VpnnsException("cannot remove directory", directory, errno);
    }

    private static bool EnsureDirectory(string path)
    {
        int errno = LibcCalls.TryMkdir(path, 0x1ed);
        if (errno == Errno.EEXIST)
            return false;
        if (errno != 0)
            throw new VpnnsException("cannot create directory", path, errno);
        // vpnns is Linux-only; the check only tells the platform analyzer so.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, DirectoryMode);
        return true;
    }

    // O_NOFOLLOW: the file is bind-mounted over /etc/resolv.conf inside; never write through a planted symlink.
    private static FileDescriptor OpenForUpdate(string file, bool create) =>
        LibcCalls.Open(file, Native.O_RDWR | Native.O_NOFOLLOW | Native.O_NOCTTY | (create ? Native.O_CREAT : 0), 0x1a4,
            operation: "cannot open");

    // Written from offset 0, then cut: a reader sees old, mixed or new text, never an empty file.
    private static void Overwrite(SafeFileHandle handle, byte[] content, string file)
    {
        try
        {
            RandomAccess.Write(handle, content, 0);
            RandomAccess.SetLength(handle, content.Length);
        }
        catch (IOException e)
        {
            throw new VpnnsException("cannot write", file, e.HResult & 0xffff);
        }
    }

    private static void SetMode(SafeFileHandle handle, UnixFileMode mode)
    {
        // vpnns is Linux-only; the check only tells the platform analyzer so.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(handle, mode);
    }

    private static byte[] ReadAll(SafeFileHandle handle)
    {
        long length = RandomAccess.GetLength(handle);
        var buffer = new byte[Math.Min(length, 1 << 20)];
        int total = 0;
        while (total < buffer.Length)
        {
            int read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
                break;
            total += read;
        }
        return buffer[..total];
    }
}
