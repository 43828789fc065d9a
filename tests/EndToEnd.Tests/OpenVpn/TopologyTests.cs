using Xunit;

namespace Vpnns.Tests.OpenVpn;

public sealed class TopologyTests : IDisposable
{
    private readonly OpenVpnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [RootFact]
    public void Net30_gets_a_peer_address_and_reaches_the_server()
    {
        var client = _lab.StartClient(_lab.StartServer(new ServerOptions { Topology = "net30", Ipv6Subnet = null }));

        Assert.Contains("inet 10.8.0.6 peer 10.8.0.5/32", client.Ip("-o", "addr", "show", "dev", "tun0"));
        client.ReachesThroughTunnel("10.8.0.1");
        TunnelAssertions.IsIsolatedOnto(client, "tun0");
        TunnelAssertions.HostHasNoTrace(_lab, "10.8.0.");
    }

    [RootFact]
    public void Tap_gets_a_subnet_address_and_reaches_the_server()
    {
        var client = _lab.StartClient(_lab.StartServer(new ServerOptions { Device = "tap", Ipv6Subnet = null }));

        Assert.Contains("inet 10.8.0.2/24", client.Ip("-o", "addr", "show", "dev", "tap0"));
        client.ReachesThroughTunnel("10.8.0.1");
        TunnelAssertions.HostHasNoTrace(_lab, "10.8.0.");
        string links = client.Ip("-o", "link");
        Assert.Contains("tap0", links);
        Assert.DoesNotContain("tun", links);
    }

    [RootFact]
    public void Two_vpns_with_the_same_subnet_run_at_once_in_two_namespaces()
    {
        var first = _lab.StartClient(_lab.StartServer(new ServerOptions()));
        var second = _lab.StartClient(_lab.StartServer(new ServerOptions()));

        Assert.NotEqual(first.VpnNamespace, second.VpnNamespace);
        foreach (var client in new[] { first, second })
        {
            Assert.Contains("inet 10.8.0.2/24", client.Ip("-o", "addr", "show", "dev", "tun0").Replace("tun1", "tun0"));
            client.ReachesThroughTunnel("10.8.0.1");
        }
        TunnelAssertions.HostHasNoTrace(_lab, "10.8.0.");
    }
}
