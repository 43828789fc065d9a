using System.Net.Sockets;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Builds policy rule requests (RTM_*RULE) into a caller buffer.</summary>
internal static class RuleRequests
{
    /// <summary>Same as: ip [-6] rule show</summary>
    // Under NETLINK_GET_STRICT_CHK a rule dump must carry nothing but the family.
    public static Span<byte> Dump(Span<byte> buffer, AddressFamily family)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP, new FibRuleHdr { Family = AddressFamilies.ToKernel(family) });
        return w.Finish();
    }
}
