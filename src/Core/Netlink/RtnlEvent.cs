namespace Vpnns.Netlink;

/// <summary>A change the kernel announced to a subscription.</summary>
public abstract record RtnlEvent(RtnlEventKind Kind);
