using System.Text;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Dns;

/// <summary>What writing a namespace's resolv.conf changed, so a failed run can put it back.</summary>
/// <param name="PreviousContent">the file's bytes before we wrote, null when we created it</param>
public sealed record ResolvConfChange(bool CreatedDirectory, bool CreatedFile, byte[]? PreviousContent);

/// <summary>
/// /etc/netns/NAME/resolv.conf, updated in place: programs already in the namespace have it bind-mounted over
/// /etc/resolv.conf, and a bind mount pins the inode (reference.md 5.6) — replacing the file by rename would
/// leave them on the old servers. The space is reserved first, then the file is overwritten from offset 0 and
/// cut to length, so that a hook killed at any moment leaves the old or the whole new text, never a mix.
/// </summary>
public static class ResolvConfFile
{
    private const uint DirectoryMode = 0x1ed; // 0755
    private const uint FileMode644 = 0x1a4; // 0644: every program inside must read it

    public static ResolvConfChange Write(NamespacePaths paths, NamespaceName name, DnsSettings dns)
    {
        string directory = paths.EtcDirectoryOf(name.Value);
        EnsureDirectory(paths.EtcDirectory);
        bool createdDirectory = EnsureDirectory(directory);
        string file = directory + "/resolv.conf";
        bool existed = LibcCalls.TryStat(file, followSymlinks: false, out _) == 0;
        byte[] content = Encoding.UTF8.GetBytes(ResolvConf.Render(dns, name));
        // O_NOFOLLOW: the file is bind-mounted over /etc/resolv.conf inside; never write through a planted symlink.
        using var fd = SmallFile.OpenForUpdate(file, FileMode644);
        byte[]? previous = existed ? SmallFile.ReadAll(fd, file) : null;
        // Our umask must not decide who can read it (pppd runs scripts with umask 077).
        SmallFile.SetMode(fd, FileMode644, file);
        var change = new ResolvConfChange(createdDirectory, !existed, previous);
        try
        {
            // Space first: a full disk must fail the write before it starts, not leave half the servers behind.
            SmallFile.Reserve(fd, content.Length, file);
            SmallFile.OverwriteWhole(fd, content, previous?.Length ?? 0, file);
        }
        catch (VpnnsException)
        {
            // The old bytes' blocks are still allocated: putting them back cannot run out of space. A file or
            // directory this call created goes again: the failed step is not in the run's journal.
            try
            {
                Undo(paths, name, change);
            }
            catch (VpnnsException)
            {
                // The write's own error is the one to report; the executor's rollback logs the rest.
            }
            throw;
        }
        return change;
    }

    /// <summary>Undoes <see cref="Write"/>: restores the old bytes in place, or removes what it created.</summary>
    public static void Undo(NamespacePaths paths, NamespaceName name, ResolvConfChange change)
    {
        string directory = paths.EtcDirectoryOf(name.Value);
        if (change.PreviousContent is { } previous)
        {
            string file = directory + "/resolv.conf";
            using var fd = SmallFile.OpenForUpdate(file, FileMode644);
            SmallFile.OverwriteWhole(fd, previous, SmallFile.ReadAll(fd, file).Length, file);
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
        // mkdir's mode passes through our umask; the directory must be searchable by everyone inside.
        SmallFile.SetMode(path, DirectoryMode);
        return true;
    }
}
