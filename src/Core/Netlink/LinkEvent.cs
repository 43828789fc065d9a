namespace Vpnns.Netlink;

/// <summary>A device appeared, changed (flags, name, namespace) or disappeared.</summary>
public sealed record LinkEvent(RtnlEventKind Kind, LinkInfo Link) : RtnlEvent(Kind);
