using Vpnns.Netlink;

namespace Vpnns.Admin;

/// <summary>Recognises tunnel devices that belong to a running VPN.</summary>
public static class VpnDevice
{

    /// <summary>Link kinds a VPN daemon drives: tun/tap, ppp, OpenVPN DCO (2.6 out-of-tree and upstream).</summary>
    public static bool IsTunnelKind(string? kind) => kind is "tun" or "ppp" or "ovpn-dco" or "ovpn";

    /// <summary>A tun device has a carrier only while a process holds its fd (reference.md 5.2).</summary>
    public static bool IsLive(LinkInfo link) => IsTunnelKind(link.Kind) && link.IsLowerUp;
}
