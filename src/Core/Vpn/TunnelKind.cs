namespace Vpnns.Vpn;

/// <summary>How packets leave the device: decides whether a gateway means anything.</summary>
public enum TunnelKind
{
    /// <summary>tun, ppp: layer 3, no neighbours; routes need only the device.</summary>
    Layer3,

    /// <summary>tap: Ethernet; off-subnet destinations need a gateway on the link.</summary>
    Ethernet,
}
