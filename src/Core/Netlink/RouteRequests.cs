using System.Net;
using System.Net.Sockets;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Builds route requests (RTM_*ROUTE) into a caller buffer.</summary>
internal static class RouteRequests
{
    /// <summary>Same as: ip route add|replace DEST [via GW] [dev DEV] [metric N] [table T] [proto P] [scope S]</summary>
    public static Span<byte> Add(Span<byte> buffer, RouteSpec route, bool replace = false)
    {
        ushort flags = replace
            ? (ushort)(NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE)
            : (ushort)(NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        return Build(buffer, RTM_NEWROUTE, flags, route,
            (byte)route.Protocol, (byte)route.EffectiveScope, (byte)route.Type);
    }

    /// <summary>Same as: ip route del DEST [via GW] [dev DEV] [metric N] [table T]</summary>
    // Like iproute2, a delete leaves protocol and type unspecified and sends scope NOWHERE, which the
    // kernel reads as "any": the route is matched on destination, table, gateway, device and metric.
    public static Span<byte> Delete(Span<byte> buffer, RouteSpec route) =>
        Build(buffer, RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, route,
            RTPROT_UNSPEC, route.Scope is RouteScope scope ? (byte)scope : RT_SCOPE_NOWHERE, RTN_UNSPEC);

    /// <summary>Same as: ip [-6] route show table T</summary>
    // With NETLINK_GET_STRICT_CHK the kernel filters the dump by table itself.
    public static Span<byte> Dump(Span<byte> buffer, AddressFamily family, uint table)
    {
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, new RtMsg
        {
            Family = AddressFamilies.ToKernel(family),
            Table = TableByte(table),
        });
        if (table > byte.MaxValue)
            w.U32(RTA_TABLE, table);
        return w.Finish();
    }

    /// <summary>Same as: ip route get ADDRESS (the kernel's own lookup, policy rules included)</summary>
    // Under NETLINK_GET_STRICT_CHK the kernel refuses a get whose table, protocol, scope or type is set, or whose
    // dst_len is neither 0 nor the full address length; it also wants no NLM_F_ACK (the reply is the answer).
    public static Span<byte> Get(Span<byte> buffer, IPAddress destination)
    {
        byte family = AddressFamilies.ToKernel(destination.AddressFamily);
        var w = new NetlinkWriter(buffer);
        w.Begin(RTM_GETROUTE, NLM_F_REQUEST, new RtMsg
        {
            Family = family,
            DestinationLength = (byte)AddressFamilies.MaxPrefix(destination.AddressFamily),
        });
        w.Address(RTA_DST, destination);
        return w.Finish();
    }

    private static Span<byte> Build(Span<byte> buffer, ushort type, ushort flags, RouteSpec route,
        byte protocol, byte scope, byte routeType)
    {
        var destination = route.Destination.BaseAddress;
        byte family = AddressFamilies.CheckPrefix(destination, route.Destination.PrefixLength);
        AddressFamilies.CheckSameFamily(destination, route.Gateway, "gateway");
        AddressFamilies.CheckSameFamily(destination, route.PreferredSource, "preferred source");
        var w = new NetlinkWriter(buffer);
        w.Begin(type, flags, new RtMsg
        {
            Family = family,
            DestinationLength = (byte)route.Destination.PrefixLength,
            Table = TableByte(route.Table),
            Protocol = protocol,
            Scope = scope,
            Type = routeType,
        });
        if (route.Table > byte.MaxValue)
            w.U32(RTA_TABLE, route.Table);
        // iproute2 omits RTA_DST for the IPv4 default route but sends "::" for IPv6 (captured);
        // the kernel treats both the same, and matching keeps our bytes comparable with captures.
        if (route.Destination.PrefixLength > 0 || family == AF_INET6)
            w.Address(RTA_DST, destination);
        if (route.Gateway is not null)
            w.Address(RTA_GATEWAY, route.Gateway);
        if (route.Metric is uint metric)
            w.U32(RTA_PRIORITY, metric);
        if (route.PreferredSource is not null)
            w.Address(RTA_PREFSRC, route.PreferredSource);
        if (route.OutputIndex is int index)
            w.U32(RTA_OIF, checked((uint)index));
        return w.Finish();
    }

    // rtm_table is a byte; ids above 255 go in RTA_TABLE with rtm_table RT_TABLE_UNSPEC, as iproute2 does.
    private static byte TableByte(uint table) => table <= byte.MaxValue ? (byte)table : RT_TABLE_UNSPEC;
}
