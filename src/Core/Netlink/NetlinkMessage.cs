using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>One received netlink message: the header fields and the payload after nlmsghdr.</summary>
internal readonly ref struct NetlinkMessage
{
    public NetlinkMessage(ushort type, ushort flags, uint sequence, uint portId, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Flags = flags;
        Sequence = sequence;
        PortId = portId;
        Payload = payload;
    }

    public ushort Type { get; }
    public ushort Flags { get; }
    public uint Sequence { get; }
    public uint PortId { get; }
    public ReadOnlySpan<byte> Payload { get; }

    public bool HasFlag(ushort flag) => (Flags & flag) == flag;

    /// <summary>The fixed header (ifinfomsg, ifaddrmsg, rtmsg…) at the start of the payload.</summary>
    public T Header<T>() where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (Payload.Length < size)
            throw NetlinkReader.Malformed($"message type {Type} has {Payload.Length} payload bytes, its header needs {size}");
        return MemoryMarshal.Read<T>(Payload);
    }

    /// <summary>The attributes after a fixed header of type T.</summary>
    public AttributeReader Attributes<T>() where T : unmanaged => AttributesAfter(Unsafe.SizeOf<T>());

    public AttributeReader AttributesAfter(int headerSize)
    {
        int start = Align(headerSize);
        if (headerSize > Payload.Length)
            throw NetlinkReader.Malformed($"message type {Type} has {Payload.Length} payload bytes, its header needs {headerSize}");
        return new AttributeReader(start >= Payload.Length ? default : Payload[start..]);
    }
}
