namespace Vpnns.Admin;

/// <summary>What `vpnnsctl status` shows for one namespace (README "vpnnsctl status" lists the JSON fields).</summary>
/// <param name="Problem">why the rest is empty, e.g. a stale file that is no namespace</param>
/// <param name="Tunnel">what the hooks recorded about the VPN that put its device there; null if none did</param>
public sealed record NamespaceStatus(string Name, int? Id, string? Problem, IReadOnlyList<DeviceStatus> Devices,
    IReadOnlyList<RouteStatus> Routes, DnsStatus Dns, IReadOnlyList<ProcessStatus> Processes, TunnelStatus? Tunnel = null);

/// <param name="IsVpn">a tun/tap/ppp/DCO device</param>
/// <param name="IsLive">a VPN device that a process still holds open (it has a carrier)</param>
/// <param name="RxBytes">bytes received since the device was created (null when the kernel did not say)</param>
public sealed record DeviceStatus(string Name, string? Kind, bool IsUp, bool IsVpn, bool IsLive, int Mtu, IReadOnlyList<string> Addresses,
    ulong? RxBytes = null, ulong? TxBytes = null);

public sealed record RouteStatus(string Destination, string? Via, string? Device, uint? Metric);

public sealed record DnsStatus(IReadOnlyList<string> Servers, IReadOnlyList<string> Search);

/// <summary>The hooks' record of the connection (/run/vpnns/NAME.state).</summary>
/// <param name="Daemon">"openvpn" or "pppd"</param>
/// <param name="Source">OpenVPN's config file, pppd's call file or peer name</param>
/// <param name="DaemonRunning">whether <paramref name="Pid"/> still runs that daemon</param>
/// <param name="UpSince">when the up hook last ran, ISO 8601 UTC</param>
public sealed record TunnelStatus(string Device, string Daemon, string Source, int? Pid, bool DaemonRunning, string UpSince);
