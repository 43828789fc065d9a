using Xunit;

namespace Vpnns.Tests.OpenVpn;

/// <summary>Checks shared by the end-to-end tests.</summary>
internal static class TunnelAssertions
{
    /// <summary>The VPN namespace has only lo and the tunnel device, and is routed through it by default.</summary>
    public static void IsIsolatedOnto(LabClient client, string device)
    {
        string links = client.Ip("-o", "link");
        Assert.Equal(["lo", device], links.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[1].Trim()).ToArray());
        Assert.Contains($"default dev {device}", client.Ip("route"));
        // Traffic for the client host's own network goes into the tunnel too, and the server does not forward it.
        Assert.Contains($"dev {device}", client.Ip("route", "get", client.Server.HostSideAddress));
        Assert.False(client.Pings(client.Server.HostSideAddress), "the host side answered from inside the VPN namespace");
    }

    /// <summary>Nothing of the VPN is left in the namespace OpenVPN runs in: no tun/tap, no tunnel addresses or routes.</summary>
    public static void HostHasNoTrace(OpenVpnLab lab, string subnetPrefix)
    {
        string links = ChildProcess.Ip("-n", lab.HostNamespace, "-o", "link");
        Assert.DoesNotContain("tun", links);
        Assert.DoesNotContain("tap", links);
        Assert.DoesNotContain(subnetPrefix, ChildProcess.Ip("-n", lab.HostNamespace, "-o", "addr"));
        Assert.DoesNotContain(subnetPrefix, ChildProcess.Ip("-n", lab.HostNamespace, "route"));
        Assert.DoesNotContain("fd00:8", ChildProcess.Ip("-n", lab.HostNamespace, "-6", "route"));
    }
}
