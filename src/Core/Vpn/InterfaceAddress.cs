using System.Net;

namespace Vpnns.Vpn;

/// <summary>
/// An address to put on the tunnel device: <c>10.8.0.2/24</c> (subnet, tap), or <c>10.8.0.6 peer 10.8.0.5/32</c>
/// (net30, p2p, ppp), or <c>fd00:8::1000/64</c>.
/// </summary>
public sealed record InterfaceAddress(IPAddress Local, int PrefixLength, IPAddress? Peer = null)
{
    /// <summary>The network the kernel's connected route will cover.</summary>
    public IPNetwork Network => new(AddressText.Mask(Peer ?? Local, PrefixLength), PrefixLength);

    public override string ToString() =>
        Peer is null ? $"{Local}/{PrefixLength}" : $"{Local} peer {Peer}/{PrefixLength}";
}
