using System.Text;
using Tmds.Linux;

namespace Vpnns.Interop;

/// <summary>
/// Whole-file read and in-place rewrite of small files (a few hundred bytes) with plain open/read/write: the
/// hooks' state files. The FileStream stack costs more to set up than such a file costs to handle (bench/hook).
/// </summary>
public static unsafe class SmallFile
{
    public const int MaxLength = 64 * 1024;

    /// <summary>The file's text, or null when it does not exist. Symlinks are not followed.</summary>
    public static string? ReadOrNull(string path)
    {
        int errno = LibcCalls.TryOpen(path, Native.O_RDONLY | Native.O_NOFOLLOW | Native.O_NOCTTY, out var fd);
        if (errno == Errno.ENOENT)
            return null;
        if (errno != 0)
            throw new VpnnsException("cannot open", path, errno);
        using (fd)
            return Encoding.UTF8.GetString(ReadAll(fd!, path));
    }

    /// <summary>Creates or truncates the file (mode applies on creation) and writes the text.</summary>
    public static void Write(string path, string text, uint mode)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        using var fd = LibcCalls.Open(path, Native.O_WRONLY | Native.O_CREAT | Native.O_TRUNC | Native.O_NOFOLLOW | Native.O_NOCTTY,
            mode, operation: "cannot write");
        Overwrite(fd, bytes, path);
    }

    /// <summary>Opens for in-place update (read and write, no truncation); creates it with <paramref name="mode"/>.</summary>
    public static FileDescriptor OpenForUpdate(string path, uint mode) =>
        LibcCalls.Open(path, Native.O_RDWR | Native.O_CREAT | Native.O_NOFOLLOW | Native.O_NOCTTY, mode, operation: "cannot open");

    /// <summary>Everything from offset 0 (up to <see cref="MaxLength"/>).</summary>
    public static byte[] ReadAll(FileDescriptor fd, string path)
    {
        var buffer = new byte[MaxLength];
        int total = 0;
        fixed (byte* start = buffer)
        {
            while (total < buffer.Length)
            {
                ssize_t n = LibC.pread(fd.DangerousNumber, start + total, buffer.Length - total, total);
                if (n == 0)
                    break;
                if (n < 0)
                {
                    int error = Errno.Last();
                    if (error == Errno.EINTR)
                        continue;
                    throw new VpnnsException("cannot read", path, error);
                }
                total += (int)n;
            }
        }
        return buffer[..total];
    }

    /// <summary>
    /// Writes <paramref name="content"/> from offset 0, then cuts the file to its length: same inode, and a reader
    /// sees old, mixed or new text but never an empty file.
    /// </summary>
    public static void Overwrite(FileDescriptor fd, ReadOnlySpan<byte> content, string path)
    {
        fixed (byte* start = content)
        {
            int done = 0;
            while (done < content.Length)
            {
                ssize_t n = LibC.pwrite(fd.DangerousNumber, start + done, content.Length - done, done);
                if (n < 0)
                {
                    int error = Errno.Last();
                    if (error == Errno.EINTR)
                        continue;
                    throw new VpnnsException("cannot write", path, error);
                }
                done += (int)n;
            }
        }
        if (LibC.ftruncate(fd.DangerousNumber, content.Length) != 0)
            throw new VpnnsException("cannot truncate", path, Errno.Last());
    }

    /// <summary>
    /// Rewrites a file that holds <paramref name="currentLength"/> bytes with <paramref name="content"/> so that
    /// a process killed at any moment leaves either the old text or the whole new one: a shorter text goes out
    /// in the same write as newline padding up to the old length (blank lines mean nothing in the line-based
    /// files this is for), and the cut to length comes after. One write within a page is not split by a signal.
    /// </summary>
    public static void OverwriteWhole(FileDescriptor fd, ReadOnlySpan<byte> content, int currentLength, string path)
    {
        if (content.Length >= currentLength)
        {
            Overwrite(fd, content, path);
            return;
        }
        var padded = new byte[currentLength];
        content.CopyTo(padded);
        padded.AsSpan(content.Length).Fill((byte)'\n');
        Overwrite(fd, padded, path);
        if (LibC.ftruncate(fd.DangerousNumber, content.Length) != 0)
            throw new VpnnsException("cannot truncate", path, Errno.Last());
    }

    /// <summary>
    /// Allocates the blocks for the first <paramref name="length"/> bytes without changing the file's size, so a
    /// full file system fails here, before an in-place rewrite has changed a byte. A file system that cannot
    /// preallocate is no reason to fail: the rewrite then finds out by itself.
    /// </summary>
    public static void Reserve(FileDescriptor fd, int length, string path)
    {
        while (Native.Fallocate(fd, Native.FALLOC_FL_KEEP_SIZE, 0, length) != 0)
        {
            int error = Errno.Last();
            if (error == Errno.EINTR)
                continue;
            if (error is Errno.EOPNOTSUPP or Errno.ENOSYS)
                return;
            throw new VpnnsException("cannot write", path, error);
        }
    }

    /// <summary>fchmod: the creator's umask must not decide who may read the file.</summary>
    public static void SetMode(FileDescriptor fd, uint mode, string path)
    {
        if (LibC.fchmod(fd.DangerousNumber, (mode_t)mode) != 0)
            throw new VpnnsException("cannot change mode of", path, Errno.Last());
    }

    /// <summary>chmod by path (for directories we just created).</summary>
    public static void SetMode(string path, uint mode)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            if (LibC.chmod(p, (mode_t)mode) != 0)
                throw new VpnnsException("cannot change mode of", path, Errno.Last());
        }
    }

    /// <summary>Removes the file; absent is fine.</summary>
    public static void Delete(string path)
    {
        int errno = LibcCalls.TryUnlink(path);
        if (errno is not (0 or Errno.ENOENT))
            throw new VpnnsException("cannot remove", path, errno);
    }
}
