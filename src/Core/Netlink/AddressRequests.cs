using System.Net;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Builds address requests (RTM_*ADDR) into a caller buffer.</summary>
internal static class AddressRequests
{
    /// <summary>Same as: ip address add LOCAL/PREFIX dev DEV, or ip address add LOCAL peer PEER/PREFIX dev DEV (IPv6: nodad)</summary>
    // IFA_LOCAL is our address, IFA_ADDRESS the peer on point-to-point links and our own address
    // otherwise. IPv6 gets NODAD: a fresh tun would otherwise hold the address tentative for ~1 s.
    public static Span<byte> Add(Span<byte> buffer, int index, IPAddress local, int prefixLength, IPAddress? peer = null)
    {
        bool isIpv6 = local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        return Build(buffer, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL,
            index, local, prefixLength, peer, isIpv6 ? (byte)IFA_F_NODAD : (byte)0);
    }

    /// <summary>Same as: ip address del LOCAL/PREFIX dev DEV, or ip address del LOCAL peer PEER/PREFIX dev DEV</summary>
    public static Span<byte> Delete(Span<byte> buffer, int index, IPAddress local, int prefixLength, IPAddress? peer = null) =>
        Build(buffer, RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, index, local, prefixLength, peer, 0);

    /// <summary>Same as: ip address show [dev DEV]</summary>
    public static Span<byte> Dump(Span<byte> buffer, int? index = null)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, new IfAddrMsg { Family = AF_UNSPEC, Index = index ?? 0 });
        return w.Finish();
    }

    private static Span<byte> Build(Span<byte> buffer, ushort type, ushort flags, int index, IPAddress local,
        int prefixLength, IPAddress? peer, byte addressFlags)
    {
        byte family = AddressFamilies.CheckPrefix(local, prefixLength);
        AddressFamilies.CheckSameFamily(local, peer, "peer address");
        var w = new NetlinkWriter(buffer);
        w.Begin(type, flags, new IfAddrMsg
        {
            Family = family,
            PrefixLength = (byte)prefixLength,
            Flags = addressFlags,
            Index = index,
        });
        w.Address(IFA_LOCAL, local);
        w.Address(IFA_ADDRESS, peer ?? local);
        return w.Finish();
    }
}
