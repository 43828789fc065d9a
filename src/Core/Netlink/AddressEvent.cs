namespace Vpnns.Netlink;

/// <summary>An address was added or removed.</summary>
public sealed record AddressEvent(RtnlEventKind Kind, AddressInfo Address) : RtnlEvent(Kind);
