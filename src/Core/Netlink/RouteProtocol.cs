namespace Vpnns.Netlink;

/// <summary>Who installed a route (RTPROT_*); iproute2 uses Boot unless told otherwise.</summary>
public enum RouteProtocol : byte
{
    Unspecified = 0,
    Redirect = 1,
    Kernel = 2,
    Boot = 3,
    Static = 4,
}
