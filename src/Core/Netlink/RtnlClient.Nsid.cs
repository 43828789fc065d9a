using System.Runtime.InteropServices;
using Vpnns.Interop;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

public sealed partial class RtnlClient
{
    /// <summary>The id this namespace uses for the namespace behind <paramref name="namespaceFd"/>, or null when none is assigned.</summary>
    public int? GetNsid(SafeHandle namespaceFd)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status;
        NsidEntry? entry;
        using (FdLease lease = FdLease.Dangerous(namespaceFd))
        {
            status = Get(NsidRequests.Get(buffer, FdNumber(lease)), NsidReplies.Parse, out entry);
            if (!status.IsSuccess)
                throw status.ToException("cannot get namespace id", $"for fd {FdNumber(lease)}");
        }
        return entry is null || entry.Nsid == NETNSA_NSID_NOT_ASSIGNED ? null : entry.Nsid;
    }

    /// <summary>Assigns an id to the namespace behind <paramref name="namespaceFd"/>; -1 lets the kernel pick.</summary>
    public void SetNsid(SafeHandle namespaceFd, int nsid)
    {
        if (nsid < NETNSA_NSID_NOT_ASSIGNED)
            throw VpnnsException.Invalid("invalid namespace id", nsid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        using FdLease lease = FdLease.Dangerous(namespaceFd);
        NetlinkStatus status = Execute(NsidRequests.Set(buffer, FdNumber(lease), nsid));
        if (!status.IsSuccess)
            throw status.ToException("cannot set namespace id", $"{nsid} for fd {FdNumber(lease)}");
    }

    /// <summary>Every namespace id assigned in this namespace (ip netns list-id).</summary>
    public IReadOnlyList<NsidEntry> ListNsids()
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        return Dump(NsidRequests.Dump(buffer), NsidReplies.Parse, "cannot list namespace ids", "in this namespace");
    }
}
