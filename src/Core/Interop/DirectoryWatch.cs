using System.Buffers.Binary;
using System.Text;

namespace Vpnns.Interop;

/// <summary>inotify on one directory, reporting entries created and deleted (what `ip netns monitor` watches).</summary>
public sealed class DirectoryWatch : IDisposable
{
    private readonly FileDescriptor _fd;
    private readonly byte[] _buffer = new byte[4096];

    public DirectoryWatch(string directory)
    {
        int fd = Native.InotifyInit1(Native.IN_CLOEXEC);
        if (fd < 0)
            throw new VpnnsException("cannot create inotify instance for", directory, Errno.Last());
        _fd = new FileDescriptor(fd);
        uint mask = Native.IN_CREATE | Native.IN_DELETE | Native.IN_MOVED_FROM | Native.IN_MOVED_TO;
        if (Native.InotifyAddWatch(_fd, directory, mask) < 0)
        {
            int errno = Errno.Last();
            _fd.Dispose();
            throw new VpnnsException("cannot watch", directory, errno);
        }
    }

    /// <summary>Blocks until entries change; yields (created?, name) for each.</summary>
    public unsafe IReadOnlyList<(bool Created, string Name)> Wait()
    {
        nint n;
        fixed (byte* p = _buffer)
        {
            while ((n = Native.Read(_fd, p, (nuint)_buffer.Length)) < 0)
            {
                int errno = Errno.Last();
                if (errno != Errno.EINTR)
                    throw new VpnnsException("cannot read inotify events", "", errno);
            }
        }
        return Parse(_buffer.AsSpan(0, (int)n));
    }

    /// <summary>Decodes struct inotify_event records: wd s32, mask u32, cookie u32, len u32, name[len].</summary>
    internal static IReadOnlyList<(bool Created, string Name)> Parse(ReadOnlySpan<byte> data)
    {
        var events = new List<(bool, string)>();
        while (data.Length >= 16)
        {
            uint mask = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            int len = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
            if (len > data.Length - 16)
                break;
            var name = data.Slice(16, len);
            int nul = name.IndexOf((byte)0);
            string text = Encoding.UTF8.GetString(nul >= 0 ? name[..nul] : name);
            if ((mask & (Native.IN_CREATE | Native.IN_MOVED_TO)) != 0)
                events.Add((true, text));
            else if ((mask & (Native.IN_DELETE | Native.IN_MOVED_FROM)) != 0)
                events.Add((false, text));
            data = data[(16 + len)..];
        }
        return events;
    }

    public void Dispose() => _fd.Dispose();
}
