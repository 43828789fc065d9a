using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Reads RTM_NEWNSID/RTM_DELNSID messages into NsidEntry.</summary>
internal static class NsidReplies
{
    public static NsidEntry? Parse(in NetlinkMessage message)
    {
        if (message.Type is not (RTM_NEWNSID or RTM_DELNSID))
            return null;
        int? nsid = null, current = null;
        AttributeReader attributes = message.Attributes<RtGenMsg>();
        while (attributes.TryRead(out NetlinkAttribute a))
        {
            if (a.Type == NETNSA_NSID)
                nsid = a.S32();
            else if (a.Type == NETNSA_CURRENT_NSID)
                current = a.S32();
        }
        return nsid is int id
            ? new NsidEntry(id, current)
            : throw NetlinkReader.Malformed("namespace id message has no NETNSA_NSID");
    }
}
