using System.Runtime.InteropServices;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Walks a run of rtattr/nlattr records, checking each length before reading it.</summary>
internal ref struct AttributeReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    public AttributeReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    public bool TryRead(out NetlinkAttribute attribute)
    {
        int left = _data.Length - _offset;
        if (left == 0)
        {
            attribute = default;
            return false;
        }
        if (left < NLA_HDRLEN)
            throw NetlinkReader.Malformed($"{left} stray bytes after the attribute at offset {_offset}");
        ReadOnlySpan<byte> rest = _data[_offset..];
        ushort length = MemoryMarshal.Read<ushort>(rest);
        ushort type = MemoryMarshal.Read<ushort>(rest[2..]);
        if (length < NLA_HDRLEN || length > left)
            throw NetlinkReader.Malformed($"attribute {type & NLA_TYPE_MASK} at offset {_offset} claims {length} bytes, {left} left");
        attribute = new NetlinkAttribute((ushort)(type & NLA_TYPE_MASK), rest[NLA_HDRLEN..length]);
        _offset += Math.Min(Align(length), left);
        return true;
    }
}
