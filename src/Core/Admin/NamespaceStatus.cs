namespace Vpnns.Admin;

/// <summary>What `vpnnsctl status` shows for one namespace.</summary>
/// <param name="Problem">why the rest is empty, e.g. a stale file that is no namespace</param>
public sealed record NamespaceStatus(string Name, int? Id, string? Problem, IReadOnlyList<DeviceStatus> Devices,
    IReadOnlyList<RouteStatus> Routes, DnsStatus Dns, IReadOnlyList<ProcessStatus> Processes);

/// <param name="IsVpn">a tun/tap/ppp/DCO device</param>
/// <param name="IsLive">a VPN device that a process still holds open (it has a carrier)</param>
public sealed record DeviceStatus(string Name, string? Kind, bool IsUp, bool IsVpn, bool IsLive, int Mtu, IReadOnlyList<string> Addresses);

public sealed record RouteStatus(string Destination, string? Via, string? Device, uint? Metric);

public sealed record DnsStatus(IReadOnlyList<string> Servers, IReadOnlyList<string> Search);

public sealed record ProcessStatus(int Pid, string Command);
