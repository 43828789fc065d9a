using System.Net.Sockets;

namespace Vpnns.Netlink;

public sealed partial class RtnlClient
{
    /// <summary>The policy routing rules of one family, in priority order (ip rule show).</summary>
    public IReadOnlyList<RuleInfo> ListRules(AddressFamily family)
    {
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw VpnnsException.Invalid("cannot list rules of address family", family.ToString());
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        return Dump(RuleRequests.Dump(buffer, family), RuleReplies.Parse, "cannot list policy rules", family == AddressFamily.InterNetwork ? "ipv4" : "ipv6");
    }
}
