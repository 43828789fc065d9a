namespace Vpnns.Netlink;

/// <summary>Operational state of a link (IF_OPER_* in linux/if.h, RFC 2863).</summary>
public enum LinkOperState : byte
{
    Unknown = 0,
    NotPresent = 1,
    Down = 2,
    LowerLayerDown = 3,
    Testing = 4,
    Dormant = 5,
    Up = 6,
}
