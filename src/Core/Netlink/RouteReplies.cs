using System.Net;
using System.Net.Sockets;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Reads RTM_NEWROUTE/RTM_DELROUTE messages into RouteInfo.</summary>
internal static class RouteReplies
{
    public static RouteInfo? Parse(in NetlinkMessage message)
    {
        if (message.Type is not (RTM_NEWROUTE or RTM_DELROUTE))
            return null;
        RtMsg header = message.Header<RtMsg>();
        AddressFamily family = AddressFamilies.FromKernel(header.Family);
        if (family == AddressFamily.Unknown)
            return null;
        IPAddress? destination = null, gateway = null, source = null;
        int? outputIndex = null;
        uint? metric = null;
        uint table = header.Table;
        AttributeReader attributes = message.Attributes<RtMsg>();
        while (attributes.TryRead(out NetlinkAttribute a))
        {
            switch (a.Type)
            {
                case RTA_DST: destination = a.Address(); break;
                case RTA_GATEWAY: gateway = a.Address(); break;
                case RTA_OIF: outputIndex = a.S32(); break;
                case RTA_PRIORITY: metric = a.U32(); break;
                case RTA_TABLE: table = a.U32(); break;
                case RTA_PREFSRC: source = a.Address(); break;
            }
        }
        IPNetwork network = Network(destination ?? Unspecified(family), header.DestinationLength, family);
        return new RouteInfo(family, network, gateway, outputIndex, metric, table,
            (RouteScope)header.Scope, (RouteProtocol)header.Protocol, (RouteType)header.Type)
        {
            PreferredSource = source,
            Flags = header.Flags,
        };
    }

    private static IPAddress Unspecified(AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;

    // IPNetwork refuses host bits beyond the prefix; the kernel never sends them, a corrupt reply might.
    private static IPNetwork Network(IPAddress address, int prefixLength, AddressFamily family)
    {
        if (address.AddressFamily != family || prefixLength > AddressFamilies.MaxPrefix(family) || HasHostBits(address, prefixLength))
            throw NetlinkReader.Malformed($"route destination {address}/{prefixLength} is not a network");
        return new IPNetwork(address, prefixLength);
    }

    private static bool HasHostBits(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int size);
        for (int bit = prefixLength; bit < size * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
                return true;
        }
        return false;
    }
}
