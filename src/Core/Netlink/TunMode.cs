namespace Vpnns.Netlink;

/// <summary>Whether a tun device carries IP packets (tun) or Ethernet frames (tap).</summary>
public enum TunMode
{
    Tun = 1,
    Tap = 2,
}
