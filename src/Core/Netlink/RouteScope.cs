namespace Vpnns.Netlink;

/// <summary>How far a route's destination is (RT_SCOPE_*).</summary>
public enum RouteScope : byte
{
    Universe = 0,
    Site = 200,
    Link = 253,
    Host = 254,
    Nowhere = 255,
}
