namespace Vpnns.Netlink;

internal static partial class Uapi
{
    // linux/net_namespace.h
    public const ushort NETNSA_NSID = 1;
    public const ushort NETNSA_PID = 2;
    public const ushort NETNSA_FD = 3;
    public const ushort NETNSA_TARGET_NSID = 4;
    public const ushort NETNSA_CURRENT_NSID = 5;
    public const int NETNSA_NSID_NOT_ASSIGNED = -1;
}
