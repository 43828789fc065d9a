namespace Vpnns.Netlink;

/// <summary>Whether the object appeared or changed (RTM_NEW*) or went away (RTM_DEL*).</summary>
public enum RtnlEventKind
{
    AddedOrChanged,
    Removed,
}
