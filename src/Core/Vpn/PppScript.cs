namespace Vpnns.Vpn;

/// <summary>
/// Which of pppd's four scripts is running (reference.md 2.1): <c>ip-up</c>/<c>ip-down</c> for IPCP (IPv4),
/// <c>ipv6-up</c>/<c>ipv6-down</c> for IPV6CP. Each runs on its own, in either order, and pppd waits for none.
/// </summary>
public readonly record struct PppScript(HookPhase Phase, bool IsIPv6)
{
    public static PppScript IpUp { get; } = new(HookPhase.Up, IsIPv6: false);

    public static PppScript IpDown { get; } = new(HookPhase.Down, IsIPv6: false);

    public static PppScript Ipv6Up { get; } = new(HookPhase.Up, IsIPv6: true);

    public static PppScript Ipv6Down { get; } = new(HookPhase.Down, IsIPv6: true);

    /// <summary>The script's name under /etc/ppp, and the hook's entry name.</summary>
    public string Name => (IsIPv6 ? "ipv6-" : "ip-") + (Phase == HookPhase.Up ? "up" : "down");

    public override string ToString() => Name;

    public static bool TryParse(string? name, out PppScript script)
    {
        script = name switch
        {
            "ip-up" => IpUp,
            "ip-down" => IpDown,
            "ipv6-up" => Ipv6Up,
            "ipv6-down" => Ipv6Down,
            _ => default,
        };
        return name is "ip-up" or "ip-down" or "ipv6-up" or "ipv6-down";
    }
}
