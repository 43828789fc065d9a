using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>
/// Writes one netlink request into a caller-supplied span: header, fixed message, then 4-byte aligned
/// attributes. Integers are in host order, addresses in network order, as the kernel expects.
/// </summary>
internal ref partial struct NetlinkWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    public NetlinkWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
    }

    /// <summary>Bytes written so far, including the padding of the last attribute.</summary>
    public readonly int Length => _length;

    /// <summary>Starts the message: nlmsghdr (length and sequence filled in by Finish), then the fixed header.</summary>
    public void Begin<T>(ushort type, ushort flags, in T header) where T : unmanaged
    {
        if (_length != 0)
            throw new InvalidOperationException("a netlink writer holds one message");
        Span<byte> nlmsghdr = Reserve(NLMSG_HDRLEN);
        WriteNative(nlmsghdr[4..], type);
        WriteNative(nlmsghdr[6..], flags);
        Struct(header);
    }

    /// <summary>Writes a fixed struct without an attribute header (message headers, VETH_INFO_PEER's ifinfomsg).</summary>
    public void Struct<T>(in T value) where T : unmanaged
    {
        Span<byte> target = Reserve(Unsafe.SizeOf<T>());
        MemoryMarshal.Write(target, in value);
    }

    public void U8(ushort type, byte value) => Attribute(type, 1)[0] = value;

    public void U16(ushort type, ushort value) => WriteNative(Attribute(type, 2), value);

    public void U32(ushort type, uint value) => WriteNative(Attribute(type, 4), value);

    public void S32(ushort type, int value) => WriteNative(Attribute(type, 4), value);

    /// <summary>A NUL-terminated UTF-8 string attribute (IFLA_IFNAME, IFLA_INFO_KIND).</summary>
    public void String(ushort type, string value)
    {
        int size = Encoding.UTF8.GetByteCount(value);
        Span<byte> payload = Attribute(type, size + 1);
        Encoding.UTF8.GetBytes(value, payload);
        payload[size] = 0;
    }

    /// <summary>An IPv4 (4 bytes) or IPv6 (16 bytes) address in network byte order.</summary>
    public void Address(ushort type, IPAddress address)
    {
        int size = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 16 : 4;
        if (!address.TryWriteBytes(Attribute(type, size), out _))
            throw new InvalidOperationException("address does not fit its attribute: " + address);
    }

    public void Bytes(ushort type, ReadOnlySpan<byte> value) => value.CopyTo(Attribute(type, value.Length));

    /// <summary>Completes the message: writes nlmsg_len and nlmsg_seq (nlmsg_pid stays 0) and returns it.</summary>
    public readonly Span<byte> Finish(uint sequence = 0)
    {
        if (_length < NLMSG_HDRLEN)
            throw new InvalidOperationException("Finish called before Begin");
        Span<byte> message = _buffer[.._length];
        WriteNative(message, (uint)_length);
        WriteNative(message[8..], sequence);
        return message;
    }

    // Pads to the attribute boundary, writes the rtattr header and returns the zeroed payload;
    // the padding after the payload is counted in the length as the kernel and iproute2 do.
    private Span<byte> Attribute(ushort type, int payloadSize)
    {
        PadToAlignment();
        int start = _length;
        Span<byte> header = Reserve(NLA_HDRLEN);
        WriteNative(header, checked((ushort)(NLA_HDRLEN + payloadSize)));
        WriteNative(header[2..], type);
        Span<byte> payload = Reserve(payloadSize);
        PadToAlignment();
        return payload;
    }

    private void PadToAlignment() => Reserve(Align(_length) - _length);

    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length)
            throw new InvalidOperationException(
                $"netlink request needs more than {_buffer.Length} bytes (have {_length}, adding {size})");
        Span<byte> span = _buffer.Slice(_length, size);
        span.Clear();
        _length += size;
        return span;
    }

    private static void WriteNative<T>(Span<byte> target, T value) where T : unmanaged =>
        MemoryMarshal.Write(target, in value);
}
