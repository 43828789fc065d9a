using System.Net.Sockets;
using System.Text;

namespace Vpnns.Netlink;

/// <summary>A policy routing rule as the kernel reports it (RTM_NEWRULE), with the selectors `ip rule` prints most.</summary>
/// <param name="Action">FR_ACT_*: 1 lookup a table, 2 goto, 3 nop, 6 blackhole, 7 unreachable, 8 prohibit</param>
/// <param name="Source">"ADDR/LEN" or null for from all</param>
public sealed record RuleInfo(AddressFamily Family, uint Priority, uint Table, byte Action, string? Source, string? Destination,
    string? InputDevice, string? OutputDevice, uint? FwMark, bool Inverted, bool HasUidRange)
{
    /// <summary>Whether it is one of the rules every new namespace starts with (ip rule: 0 local, 32766 main, 32767 default).</summary>
    public bool IsDefault =>
        Action == Uapi.FR_ACT_TO_TBL && !HasSelectors
        && ((Priority, Table) is (0, 255) or (32766, 254)
            || (Family == AddressFamily.InterNetwork && (Priority, Table) == (32767, 253)));

    private bool HasSelectors =>
        Source is not null || Destination is not null || InputDevice is not null || OutputDevice is not null
        || FwMark is not null || Inverted || HasUidRange;

    /// <summary>Roughly as `ip rule` prints it: "100: from 10.0.0.0/8 lookup 100".</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Priority).Append(": ");
        if (Inverted)
            text.Append("not ");
        text.Append("from ").Append(Source ?? "all");
        if (Destination is not null) text.Append(" to ").Append(Destination);
        if (FwMark is uint mark) text.Append(" fwmark 0x").Append(mark.ToString("x"));
        if (InputDevice is not null) text.Append(" iif ").Append(InputDevice);
        if (OutputDevice is not null) text.Append(" oif ").Append(OutputDevice);
        if (HasUidRange) text.Append(" uidrange");
        text.Append(Action switch
        {
            Uapi.FR_ACT_TO_TBL => " lookup " + TableName(Table),
            Uapi.FR_ACT_GOTO => " goto",
            Uapi.FR_ACT_NOP => " nop",
            Uapi.FR_ACT_BLACKHOLE => " blackhole",
            Uapi.FR_ACT_UNREACHABLE => " unreachable",
            Uapi.FR_ACT_PROHIBIT => " prohibit",
            _ => " action " + Action,
        });
        return text.ToString();
    }

    private static string TableName(uint table) => table switch { 255 => "local", 254 => "main", 253 => "default", _ => table.ToString() };
}
