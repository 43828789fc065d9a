using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Builds namespace id requests (RTM_*NSID) into a caller buffer.</summary>
internal static class NsidRequests
{
    /// <summary>Same as: ip netns set NAME NSID (NSID -1 lets the kernel pick, like "auto")</summary>
    public static Span<byte> Set(Span<byte> buffer, int namespaceFd, int nsid)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_NEWNSID, NLM_F_REQUEST | NLM_F_ACK, new RtGenMsg { Family = AF_UNSPEC });
        w.U32(NETNSA_FD, checked((uint)namespaceFd));
        w.S32(NETNSA_NSID, nsid);
        return w.Finish();
    }

    /// <summary>Same as: the per-namespace id lookup behind the "(id: N)" column of ip netns list</summary>
    public static Span<byte> Get(Span<byte> buffer, int namespaceFd)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETNSID, NLM_F_REQUEST, new RtGenMsg { Family = AF_UNSPEC });
        w.U32(NETNSA_FD, checked((uint)namespaceFd));
        return w.Finish();
    }

    /// <summary>Same as: ip netns list-id</summary>
    public static Span<byte> Dump(Span<byte> buffer)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETNSID, NLM_F_REQUEST | NLM_F_DUMP, new RtGenMsg { Family = AF_UNSPEC });
        return w.Finish();
    }
}
