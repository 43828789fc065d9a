using System.Net;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Reads RTM_NEWADDR/RTM_DELADDR messages into AddressInfo.</summary>
internal static class AddressReplies
{
    // IPv4 always sends IFA_LOCAL (ours) and IFA_ADDRESS (the peer, or ours again). IPv6 sends only
    // IFA_ADDRESS unless a peer was configured, in which case IFA_LOCAL is ours and IFA_ADDRESS the peer.
    public static AddressInfo? Parse(in NetlinkMessage message)
    {
        if (message.Type is not (RTM_NEWADDR or RTM_DELADDR))
            return null;
        IfAddrMsg header = message.Header<IfAddrMsg>();
        if (header.Family is not (AF_INET or AF_INET6))
            return null;
        IPAddress? local = null, address = null;
        string? label = null;
        uint flags = header.Flags;
        AttributeReader attributes = message.Attributes<IfAddrMsg>();
        while (attributes.TryRead(out NetlinkAttribute a))
        {
            switch (a.Type)
            {
                case IFA_LOCAL: local = a.Address(); break;
                case IFA_ADDRESS: address = a.Address(); break;
                case IFA_LABEL: label = a.String(); break;
                case IFA_FLAGS: flags = a.U32(); break;
            }
        }
        IPAddress own = local ?? address
            ?? throw NetlinkReader.Malformed($"address message for index {header.Index} has no address");
        IPAddress? peer = local is not null && address is not null && !local.Equals(address) ? address : null;
        return new AddressInfo(header.Index, own, header.PrefixLength, peer, header.Scope, flags, label);
    }
}
