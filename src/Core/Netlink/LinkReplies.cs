using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Reads RTM_NEWLINK/RTM_DELLINK messages into LinkInfo.</summary>
internal static class LinkReplies
{
    public static LinkInfo? Parse(in NetlinkMessage message)
    {
        if (message.Type is not (RTM_NEWLINK or RTM_DELLINK))
            return null;
        IfInfoMsg header = message.Header<IfInfoMsg>();
        string? name = null;
        int mtu = 0;
        var extra = default(Extra);
        AttributeReader attributes = message.Attributes<IfInfoMsg>();
        while (attributes.TryRead(out NetlinkAttribute a))
        {
            switch (a.Type)
            {
                case IFLA_IFNAME: name = a.String(); break;
                case IFLA_MTU: mtu = (int)a.U32(); break;
                case IFLA_OPERSTATE: extra.OperState = (LinkOperState)a.U8(); break;
                case IFLA_LINK: extra.Parent = a.S32(); break;
                case IFLA_LINK_NETNSID: extra.LinkNetnsId = a.S32(); break;
                case IFLA_LINKINFO: ReadLinkInfo(a.Nested(), ref extra); break;
                case IFLA_STATS64: extra.Traffic = LinkTraffic.Parse(a.Payload); break;
            }
        }
        if (name is null)
            throw NetlinkReader.Malformed($"link message for index {header.Index} has no IFLA_IFNAME");
        uint flags = header.Flags;
        return new LinkInfo(header.Index, name, flags, mtu, extra.Kind,
            IsUp: (flags & IFF_UP) != 0, IsPointToPoint: (flags & IFF_POINTOPOINT) != 0)
        {
            TunMode = extra.TunMode,
            OperState = extra.OperState,
            IsNoArp = (flags & IFF_NOARP) != 0,
            IsLowerUp = (flags & IFF_LOWER_UP) != 0,
            // The kernel sends IFLA_LINK only when it differs from the own index in the same namespace;
            // a veth peer elsewhere may share our index number, so no comparison with it here.
            ParentIndex = extra.Parent is int parent && parent != 0 ? parent : null,
            LinkNetnsId = extra.LinkNetnsId,
            Traffic = extra.Traffic,
        };
    }

    private static void ReadLinkInfo(AttributeReader info, ref Extra extra)
    {
        while (info.TryRead(out NetlinkAttribute a))
        {
            if (a.Type == IFLA_INFO_KIND)
                extra.Kind = a.String();
            else if (a.Type == IFLA_INFO_DATA)
                extra.Data = a.Payload;
        }
        // IFLA_INFO_DATA is kind-specific; only tun's is of interest here.
        if (extra.Kind == "tun" && !extra.Data.IsEmpty)
            extra.TunMode = ReadTunMode(new AttributeReader(extra.Data));
    }

    private static TunMode? ReadTunMode(AttributeReader data)
    {
        while (data.TryRead(out NetlinkAttribute a))
        {
            if (a.Type == IFLA_TUN_TYPE)
                return a.U8() switch { IFF_TUN => TunMode.Tun, IFF_TAP => TunMode.Tap, _ => null };
        }
        return null;
    }

    private ref struct Extra
    {
        public string? Kind;
        public ReadOnlySpan<byte> Data;
        public TunMode? TunMode;
        public LinkOperState OperState;
        public int? Parent;
        public int? LinkNetnsId;
        public LinkTraffic? Traffic;
    }
}
