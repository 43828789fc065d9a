using System.Runtime.InteropServices;
using Vpnns.Interop;

namespace Vpnns.Netlink;

public sealed partial class RtnlClient
{
    /// <summary>The device with this name, or null when there is none.</summary>
    public LinkInfo? FindLink(string name)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Get(LinkRequests.Get(buffer, name), LinkReplies.Parse, out LinkInfo? link);
        return FoundOrThrow(status, link, $"\"{name}\"");
    }

    /// <summary>The device with this index, or null when there is none.</summary>
    public LinkInfo? FindLink(int index)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Get(LinkRequests.Get(buffer, index), LinkReplies.Parse, out LinkInfo? link);
        return FoundOrThrow(status, link, $"#{index}");
    }

    /// <summary>Every device in the namespace, in ifindex order.</summary>
    public IReadOnlyList<LinkInfo> ListLinks()
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        return Dump(LinkRequests.Dump(buffer), LinkReplies.Parse, "cannot list devices", "in this namespace");
    }

    /// <summary>Sets or clears IFF_UP, leaving every other flag alone.</summary>
    public void SetLinkUp(int index, bool up)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(LinkRequests.Set(buffer, index, up: up));
        if (!status.IsSuccess)
            throw status.ToException(up ? "cannot bring device up" : "cannot bring device down", DeviceLabel(index));
    }

    public void SetMtu(int index, int mtu)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        if (mtu <= 0)
            throw VpnnsException.Invalid("invalid mtu", mtu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        NetlinkStatus status = Execute(LinkRequests.Set(buffer, index, mtu: mtu));
        if (!status.IsSuccess)
            throw status.ToException("cannot set mtu", $"{mtu} dev {DeviceLabel(index)}");
    }

    /// <summary>Renames a device; the kernel refuses while it is up (EBUSY).</summary>
    public void Rename(int index, string newName)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(LinkRequests.Set(buffer, index, newName: newName));
        if (!status.IsSuccess)
            throw status.ToException("cannot rename device", $"{DeviceLabel(index)} -> \"{newName}\"");
    }

    /// <summary>
    /// Moves a device into the namespace behind <paramref name="namespaceFd"/>, optionally renaming it in
    /// the same request. It arrives down, without addresses or routes, and possibly with a new index.
    /// </summary>
    public void MoveToNamespace(int index, SafeHandle namespaceFd, string? newName = null)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status;
        using (FdLease lease = FdLease.Dangerous(namespaceFd))
            status = Execute(LinkRequests.MoveToNamespace(buffer, index, FdNumber(lease), newName));
        if (!status.IsSuccess)
            throw status.ToException("cannot move device into namespace",
                DeviceLabel(index) + (newName is null ? "" : $" as \"{newName}\""));
    }

    /// <summary>Creates a device of an rtnl kind that needs no further data ("dummy", "bridge"…).</summary>
    public void CreateLink(string name, string kind)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(LinkRequests.Create(buffer, name, kind));
        if (!status.IsSuccess)
            throw status.ToException("cannot create device", $"\"{name}\" type {kind}");
    }

    /// <summary>Creates a veth pair; the peer end is created directly in another namespace when one is given.</summary>
    public void CreateVethPair(string name, string peerName, SafeHandle? peerNamespaceFd = null)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status;
        if (peerNamespaceFd is null)
        {
            status = Execute(LinkRequests.CreateVeth(buffer, name, peerName));
        }
        else
        {
            using FdLease lease = FdLease.Dangerous(peerNamespaceFd);
            status = Execute(LinkRequests.CreateVeth(buffer, name, peerName, FdNumber(lease)));
        }
        if (!status.IsSuccess)
            throw status.ToException("cannot create veth pair", $"\"{name}\" peer \"{peerName}\"");
    }

    public void DeleteLink(int index)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Execute(LinkRequests.Delete(buffer, index));
        if (!status.IsSuccess)
            throw status.ToException("cannot delete device", DeviceLabel(index));
    }

    private static LinkInfo? FoundOrThrow(NetlinkStatus status, LinkInfo? link, string subject) =>
        status.Errno == Errno.ENODEV ? null
        : status.IsSuccess ? link
        : throw status.ToException("cannot look up device", subject);
}
