namespace Vpnns.Netlink;

/// <summary>Turns one reply message into a record, or null to skip it.</summary>
internal delegate T? MessageParser<T>(in NetlinkMessage message) where T : class;
