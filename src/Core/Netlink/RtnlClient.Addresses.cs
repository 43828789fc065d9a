using System.Net;

namespace Vpnns.Netlink;

public sealed partial class RtnlClient
{
    /// <summary>
    /// Adds an address. With <paramref name="peer"/> it is a point-to-point address and the prefix
    /// applies to the peer; IPv6 addresses skip duplicate address detection (IFA_F_NODAD).
    /// </summary>
    public void AddAddress(int index, IPAddress local, int prefixLength, IPAddress? peer = null)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(AddressRequests.Add(buffer, index, local, prefixLength, peer));
        if (!status.IsSuccess)
            throw status.ToException("cannot add address", AddressLabel(index, local, prefixLength, peer));
    }

    public void DeleteAddress(int index, IPAddress local, int prefixLength, IPAddress? peer = null)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(AddressRequests.Delete(buffer, index, local, prefixLength, peer));
        if (!status.IsSuccess)
            throw status.ToException("cannot delete address", AddressLabel(index, local, prefixLength, peer));
    }

    /// <summary>IPv4 and IPv6 addresses of one device, or of all devices when <paramref name="index"/> is null.</summary>
    public IReadOnlyList<AddressInfo> ListAddresses(int? index = null)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        List<AddressInfo> all = Dump(AddressRequests.Dump(buffer, index), AddressReplies.Parse,
            "cannot list addresses", index is int i ? "dev " + DeviceLabel(i) : "in this namespace");
        // The kernel filters by index under NETLINK_GET_STRICT_CHK; filtering again keeps the
        // promise on kernels that ignore the filter.
        if (index is int wanted)
            all.RemoveAll(a => a.Index != wanted);
        return all;
    }

    // The way ip prints it: "10.8.0.2/24 dev tun0", "10.8.0.6 peer 10.8.0.5/32 dev tun0".
    private string AddressLabel(int index, IPAddress local, int prefixLength, IPAddress? peer) =>
        (peer is null ? $"{local}/{prefixLength}" : $"{local} peer {peer}/{prefixLength}") + " dev " + DeviceLabel(index);
}
