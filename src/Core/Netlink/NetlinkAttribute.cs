using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace Vpnns.Netlink;

/// <summary>One attribute: its type (NLA_F_NESTED and byte-order bits masked off) and payload, with checked getters.</summary>
internal readonly ref struct NetlinkAttribute
{
    public NetlinkAttribute(ushort type, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Payload = payload;
    }

    public ushort Type { get; }
    public ReadOnlySpan<byte> Payload { get; }

    public byte U8() => Sized(1)[0];

    public ushort U16() => MemoryMarshal.Read<ushort>(Sized(2));

    public uint U32() => MemoryMarshal.Read<uint>(Sized(4));

    public int S32() => MemoryMarshal.Read<int>(Sized(4));

    /// <summary>A string up to the first NUL (the kernel always sends one; a missing NUL is tolerated).</summary>
    public string String()
    {
        int end = Payload.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? Payload : Payload[..end]);
    }

    /// <summary>A 4-byte IPv4 or 16-byte IPv6 address.</summary>
    public IPAddress Address()
    {
        if (Payload.Length != 4 && Payload.Length != 16)
            throw NetlinkReader.Malformed($"attribute {Type} holds {Payload.Length} bytes, not an IPv4 or IPv6 address");
        return new IPAddress(Payload);
    }

    public AttributeReader Nested() => new(Payload);

    private ReadOnlySpan<byte> Sized(int size)
    {
        if (Payload.Length < size)
            throw NetlinkReader.Malformed($"attribute {Type} holds {Payload.Length} bytes, needs {size}");
        return Payload[..size];
    }
}
