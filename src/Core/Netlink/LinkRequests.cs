using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Builds link requests (RTM_*LINK) into a caller buffer; the socket stamps the sequence number.</summary>
internal static class LinkRequests
{
    private const ushort Change = NLM_F_REQUEST | NLM_F_ACK;
    private const ushort CreateFlags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;

    /// <summary>Same as: ip link set dev DEV [up|down] [mtu MTU] [name NEWNAME]</summary>
    // ifi_change names exactly the bits we mean; 0 would mean "all flags" and wipe NOARP/MULTICAST.
    public static Span<byte> Set(Span<byte> buffer, int index, bool? up = null, int? mtu = null, string? newName = null)
    {
        var header = new IfInfoMsg { Index = index };
        if (up is bool isUp)
            (header.Flags, header.Change) = (isUp ? IFF_UP : 0, IFF_UP);
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_NEWLINK, Change, header);
        if (mtu is int value)
            w.U32(IFLA_MTU, checked((uint)value));
        if (newName is not null)
            w.String(IFLA_IFNAME, DeviceName.Check(newName));
        return w.Finish();
    }

    /// <summary>Same as: ip link set dev DEV netns NS [name NEWNAME]</summary>
    public static Span<byte> MoveToNamespace(Span<byte> buffer, int index, int namespaceFd, string? newName = null)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_NEWLINK, Change, new IfInfoMsg { Index = index });
        w.U32(IFLA_NET_NS_FD, checked((uint)namespaceFd));
        if (newName is not null)
            w.String(IFLA_IFNAME, DeviceName.Check(newName));
        return w.Finish();
    }

    /// <summary>Same as: ip link add NAME type KIND</summary>
    public static Span<byte> Create(Span<byte> buffer, string name, string kind)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_NEWLINK, CreateFlags, new IfInfoMsg());
        w.String(IFLA_IFNAME, DeviceName.Check(name));
        NetlinkWriter.Nest info = w.BeginNested(IFLA_LINKINFO);
        w.String(IFLA_INFO_KIND, kind);
        w.EndNested(info);
        return w.Finish();
    }

    /// <summary>Same as: ip link add NAME type veth peer name PEER [netns NS]</summary>
    public static Span<byte> CreateVeth(Span<byte> buffer, string name, string peerName, int? peerNamespaceFd = null)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_NEWLINK, CreateFlags, new IfInfoMsg());
        w.String(IFLA_IFNAME, DeviceName.Check(name));
        NetlinkWriter.Nest info = w.BeginNested(IFLA_LINKINFO);
        w.String(IFLA_INFO_KIND, "veth");
        NetlinkWriter.Nest data = w.BeginNested(IFLA_INFO_DATA);
        // VETH_INFO_PEER holds a whole ifinfomsg followed by the peer's own link attributes.
        NetlinkWriter.Nest peer = w.BeginNested(VETH_INFO_PEER);
        w.Struct(new IfInfoMsg());
        w.String(IFLA_IFNAME, DeviceName.Check(peerName));
        if (peerNamespaceFd is int fd)
            w.U32(IFLA_NET_NS_FD, checked((uint)fd));
        w.EndNested(peer);
        w.EndNested(data);
        w.EndNested(info);
        return w.Finish();
    }

    /// <summary>Same as: ip link delete dev DEV</summary>
    public static Span<byte> Delete(Span<byte> buffer, int index)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_DELLINK, Change, new IfInfoMsg { Index = index });
        return w.Finish();
    }

    /// <summary>Same as: ip link show dev DEV (by index)</summary>
    public static Span<byte> Get(Span<byte> buffer, int index)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETLINK, NLM_F_REQUEST, new IfInfoMsg { Index = index });
        w.U32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        return w.Finish();
    }

    /// <summary>Same as: ip link show dev NAME</summary>
    public static Span<byte> Get(Span<byte> buffer, string name)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETLINK, NLM_F_REQUEST, new IfInfoMsg());
        w.String(IFLA_IFNAME, DeviceName.Check(name));
        w.U32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        return w.Finish();
    }

    /// <summary>Same as: ip link show</summary>
    public static Span<byte> Dump(Span<byte> buffer)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, new IfInfoMsg());
        w.U32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        return w.Finish();
    }
}
