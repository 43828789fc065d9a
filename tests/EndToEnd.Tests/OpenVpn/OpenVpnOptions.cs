namespace Vpnns.Tests.OpenVpn;

/// <summary>How a test server is set up: device type, topology, tunnel subnet and what it pushes.</summary>
public sealed record ServerOptions
{
    public string Device { get; init; } = "tun";
    public string Topology { get; init; } = "subnet";
    public string Subnet { get; init; } = "10.8.0.0";
    public string? Ipv6Subnet { get; init; } = "fd00:8::/64";
    public IReadOnlyList<string> Push { get; init; } = [];
}

/// <summary>How a test client is set up beyond the hooks.</summary>
public sealed record ClientOptions
{
    /// <summary>ifconfig-noexec and route-noexec, as contrib/openvpn recommends.</summary>
    public bool NoExec { get; init; } = true;

    public string? DownPolicy { get; init; }

    public string Certificate { get; init; } = "client";

    public IReadOnlyList<string> Extra { get; init; } = [];
}
