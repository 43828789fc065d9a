using System.Net;

namespace Vpnns.Netlink;

/// <summary>An address assigned to a device (RTM_NEWADDR).</summary>
/// <param name="Peer">The other end of a point-to-point address; null for ordinary subnet addresses.</param>
/// <param name="Scope">RT_SCOPE_*: 0 global, 253 link, 254 host.</param>
/// <param name="Flags">IFA_F_* flags (IFA_FLAGS when present, which holds bits above 0xff).</param>
public sealed record AddressInfo(int Index, IPAddress Local, int PrefixLength, IPAddress? Peer, byte Scope, uint Flags, string? Label);
