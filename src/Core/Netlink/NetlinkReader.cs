using System.Runtime.InteropServices;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>
/// Walks the netlink messages packed in one received datagram. Every length is checked against
/// what is left before anything is read; a bad one throws VpnnsException instead of reading past the end.
/// </summary>
internal ref struct NetlinkReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    public NetlinkReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
    }

    public bool TryRead(out NetlinkMessage message)
    {
        int left = _datagram.Length - _offset;
        if (left == 0)
        {
            message = default;
            return false;
        }
        if (left < NLMSG_HDRLEN)
            throw Malformed($"{left} stray bytes after the message at offset {_offset}");
        ReadOnlySpan<byte> rest = _datagram[_offset..];
        uint length = MemoryMarshal.Read<uint>(rest);
        if (length < NLMSG_HDRLEN || length > (uint)left)
            throw Malformed($"message at offset {_offset} claims {length} bytes, {left} left");
        message = new NetlinkMessage(
            type: MemoryMarshal.Read<ushort>(rest[4..]),
            flags: MemoryMarshal.Read<ushort>(rest[6..]),
            sequence: MemoryMarshal.Read<uint>(rest[8..]),
            portId: MemoryMarshal.Read<uint>(rest[12..]),
            payload: rest[NLMSG_HDRLEN..(int)length]);
        // The last message of a datagram may end unpadded; never step past the end.
        _offset += Math.Min(Align((int)length), left);
        return true;
    }

    internal static VpnnsException Malformed(string what) => VpnnsException.Invalid("malformed netlink reply", what);
}
