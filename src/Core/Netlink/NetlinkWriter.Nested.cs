using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

internal ref partial struct NetlinkWriter
{
    /// <summary>An open nested attribute; closing it back-patches its length.</summary>
    public readonly struct Nest
    {
        internal Nest(int offset) => Offset = offset;

        internal int Offset { get; }
    }

    /// <summary>Opens a nested attribute (IFLA_LINKINFO, IFLA_INFO_DATA); everything written until EndNested is its payload.</summary>
    public Nest BeginNested(ushort type)
    {
        PadToAlignment();
        var nest = new Nest(_length);
        Span<byte> header = Reserve(NLA_HDRLEN);
        WriteNative(header[2..], type);
        return nest;
    }

    public void EndNested(Nest nest)
    {
        if (nest.Offset < NLMSG_HDRLEN || nest.Offset + NLA_HDRLEN > _length)
            throw new InvalidOperationException("nested attribute was not opened by this writer");
        PadToAlignment();
        WriteNative(_buffer[nest.Offset..], checked((ushort)(_length - nest.Offset)));
    }
}
