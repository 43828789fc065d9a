using System.Net;
using System.Net.Sockets;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>Maps .NET address families to and from AF_* bytes and checks prefix lengths.</summary>
internal static class AddressFamilies
{
    public static byte ToKernel(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => AF_INET,
        AddressFamily.InterNetworkV6 => AF_INET6,
        AddressFamily.Unspecified => AF_UNSPEC,
        _ => throw VpnnsException.Invalid("unsupported address family", family.ToString()),
    };

    /// <summary>The family of an address-carrying reply; Unknown for any family we do not handle (skip it).</summary>
    public static AddressFamily FromKernel(byte family) => family switch
    {
        AF_INET => AddressFamily.InterNetwork,
        AF_INET6 => AddressFamily.InterNetworkV6,
        _ => AddressFamily.Unknown,
    };

    public static int MaxPrefix(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 128 : 32;

    /// <summary>Throws VpnnsException unless the address is IPv4/IPv6 and the prefix fits it.</summary>
    public static byte CheckPrefix(IPAddress address, int prefixLength)
    {
        byte family = ToKernel(address.AddressFamily);
        if (family == AF_UNSPEC || prefixLength < 0 || prefixLength > MaxPrefix(address.AddressFamily))
            throw VpnnsException.Invalid("invalid prefix length", $"{address}/{prefixLength}");
        return family;
    }

    /// <summary>Throws VpnnsException when <paramref name="other"/> is of a different family than <paramref name="address"/>.</summary>
    public static void CheckSameFamily(IPAddress address, IPAddress? other, string role)
    {
        if (other is not null && other.AddressFamily != address.AddressFamily)
            throw VpnnsException.Invalid($"{role} is of a different address family", $"{other} for {address}");
    }
}
