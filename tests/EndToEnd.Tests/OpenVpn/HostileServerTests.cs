using Xunit;

namespace Vpnns.Tests.OpenVpn;

/// <summary>A server that pushes garbage: the client still comes up isolated, and every bad value is named in the log.</summary>
public sealed class HostileServerTests : IDisposable
{
    private readonly OpenVpnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [RootFact]
    public void Garbage_pushed_by_the_server_is_skipped_and_reported()
    {
        var server = _lab.StartServer(new ServerOptions
        {
            Push =
            [
                "dhcp-option DNS 1.2.3",
                "dhcp-option DNS 10.8.0.1",
                "dhcp-option DOMAIN evil.example;reboot",
                "dhcp-option DOMAIN-SEARCH a..b",
                "dhcp-option DNS6 fe80::1%eth0",
                "setenv-safe VPNNS_NAME hijacked",
                "setenv-safe VPNNS_DOWN delete",
                "route 10.9.0.0 255.255.0.0",
            ],
        });
        var client = _lab.StartClient(server);

        Assert.Equal(
            "# Written by vpnns for namespace " + client.VpnNamespace + " from the VPN's settings; rewritten on every connect.\n" +
            "nameserver 10.8.0.1\n",
            File.ReadAllText(client.ResolvConfPath));
        string log = client.Process.Log;
        Assert.Contains("invalid foreign_option_1: \"dhcp-option DNS 1.2.3\": not a unicast IP address; skipped", log);
        Assert.Contains("\"dhcp-option DOMAIN evil.example;reboot\": not a domain name", log);
        Assert.Contains("\"dhcp-option DOMAIN-SEARCH a..b\": not a domain name", log);
        Assert.False(File.Exists("/run/netns/hijacked"));
        Assert.Contains("10.9.0.0/16 dev tun0", client.Ip("route"));
        client.ReachesThroughTunnel("10.8.0.1");

        client.Process.Stop();
        Assert.True(File.Exists($"/run/netns/{client.VpnNamespace}"), "a pushed VPNNS_DOWN must not delete the namespace");
    }
}
