namespace Vpnns.Netlink;

internal static partial class Uapi
{
    // linux/rtnetlink.h
    public const ushort RTM_NEWRULE = 32;
    public const ushort RTM_GETRULE = 34;

    // linux/fib_rules.h
    public const ushort FRA_DST = 1;
    public const ushort FRA_SRC = 2;
    public const ushort FRA_IIFNAME = 3;
    public const ushort FRA_PRIORITY = 6;
    public const ushort FRA_FWMARK = 10;
    public const ushort FRA_TABLE = 15;
    public const ushort FRA_OIFNAME = 17;
    public const ushort FRA_UID_RANGE = 20;

    public const byte FR_ACT_TO_TBL = 1;
    public const byte FR_ACT_GOTO = 2;
    public const byte FR_ACT_NOP = 3;
    public const byte FR_ACT_BLACKHOLE = 6;
    public const byte FR_ACT_UNREACHABLE = 7;
    public const byte FR_ACT_PROHIBIT = 8;

    public const uint FIB_RULE_INVERT = 0x2;
}
