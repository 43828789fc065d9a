using System.Net.Sockets;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Reads RTM_NEWRULE messages into RuleInfo.</summary>
internal static class RuleReplies
{
    public static RuleInfo? Parse(in NetlinkMessage message)
    {
        if (message.Type != RTM_NEWRULE)
            return null;
        FibRuleHdr header = message.Header<FibRuleHdr>();
        AddressFamily family = AddressFamilies.FromKernel(header.Family);
        if (family == AddressFamily.Unknown)
            return null;
        uint priority = 0, table = header.Table;
        string? source = null, destination = null, iif = null, oif = null;
        uint? mark = null;
        bool uidRange = false;
        AttributeReader attributes = message.Attributes<FibRuleHdr>();
        while (attributes.TryRead(out NetlinkAttribute a))
        {
            switch (a.Type)
            {
                case FRA_PRIORITY: priority = a.U32(); break;
                case FRA_TABLE: table = a.U32(); break;
                case FRA_SRC: source = $"{a.Address()}/{header.SourceLength}"; break;
                case FRA_DST: destination = $"{a.Address()}/{header.DestinationLength}"; break;
                case FRA_IIFNAME: iif = a.String(); break;
                case FRA_OIFNAME: oif = a.String(); break;
                case FRA_FWMARK: mark = a.U32(); break;
                case FRA_UID_RANGE: uidRange = true; break;
            }
        }
        return new RuleInfo(family, priority, table, header.Action, source, destination, iif, oif, mark,
            (header.Flags & FIB_RULE_INVERT) != 0, uidRange);
    }
}
