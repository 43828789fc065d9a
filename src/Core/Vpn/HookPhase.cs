namespace Vpnns.Vpn;

/// <summary>Which side of a connection a hook runs for.</summary>
public enum HookPhase
{
    Up,
    Down,
}
