namespace Vpnns.Netlink;

/// <summary>A namespace id was assigned or released.</summary>
public sealed record NsidEvent(RtnlEventKind Kind, NsidEntry Entry) : RtnlEvent(Kind);
