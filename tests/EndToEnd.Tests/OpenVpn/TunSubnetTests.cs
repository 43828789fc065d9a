using Xunit;

namespace Vpnns.Tests.OpenVpn;

public sealed class TunSubnetTests : IDisposable
{
    private readonly OpenVpnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private LabServer Server() => _lab.StartServer(new ServerOptions
    {
        Push = ["route 10.9.0.0 255.255.0.0", "route 198.51.100.0 255.255.255.0 vpn_gateway 7", "route-ipv6 2001:db8:1::/48",
            "dhcp-option DNS 10.8.0.1", "dhcp-option DNS6 fd00:8::1", "dhcp-option DOMAIN corp.example"],
    });

    [RootFact]
    public void A_client_lands_in_its_own_namespace_with_addresses_routes_and_dns()
    {
        var client = _lab.StartClient(Server());

        string addresses = client.Ip("-o", "addr", "show", "dev", "tun0");
        Assert.Contains("inet 10.8.0.2/24", addresses);
        Assert.Contains("inet6 fd00:8::1000/64", addresses);
        string routes = client.Ip("route");
        Assert.Contains("10.9.0.0/16 dev tun0", routes);
        Assert.Contains("198.51.100.0/24 dev tun0 scope link metric 7", routes);
        string routes6 = client.Ip("-6", "route");
        Assert.Contains("2001:db8:1::/48 dev tun0", routes6);
        Assert.Contains("default dev tun0", routes6);
        Assert.Equal(
            "# Written by vpnns for namespace " + client.VpnNamespace + " from the VPN's settings; rewritten on every connect.\n" +
            "nameserver 10.8.0.1\nnameserver fd00:8::1\nsearch corp.example\n",
            File.ReadAllText(client.ResolvConfPath));

        client.ReachesThroughTunnel("10.8.0.1");
        client.ReachesThroughTunnel("fd00:8::1");
        TunnelAssertions.IsIsolatedOnto(client, "tun0");
        TunnelAssertions.HostHasNoTrace(_lab, "10.8.0.");
        Assert.Contains($"vpnns up: [{client.VpnNamespace}] route add 0.0.0.0/0 dev tun0", client.Process.Log);
    }

    [RootFact]
    public void Without_noexec_options_nothing_of_the_vpn_stays_in_the_client_namespace()
    {
        var client = _lab.StartClient(Server(), new ClientOptions { NoExec = false });

        Assert.Contains("inet 10.8.0.2/24", client.Ip("-o", "addr", "show", "dev", "tun0"));
        Assert.Contains("10.9.0.0/16 dev tun0", client.Ip("route"));
        client.ReachesThroughTunnel("10.8.0.1");
        TunnelAssertions.IsIsolatedOnto(client, "tun0");
        TunnelAssertions.HostHasNoTrace(_lab, "10.8.0.");
    }

    [RootFact]
    public void A_reconnect_reuses_the_namespace_and_rewrites_resolv_conf_in_place()
    {
        var client = _lab.StartClient(Server());
        long inode = Inode(client.ResolvConfPath);
        string nsIdentity = ChildProcess.Run("stat", "-L", "-c", "%i", $"/run/netns/{client.VpnNamespace}").Stdout;

        client.Process.Signal("USR1");
        client.Process.WaitUntilReady(2);

        Assert.Equal(nsIdentity, ChildProcess.Run("stat", "-L", "-c", "%i", $"/run/netns/{client.VpnNamespace}").Stdout);
        Assert.Equal(inode, Inode(client.ResolvConfPath));
        Assert.Contains("keeping the namespace", client.Process.Log);
        Assert.Contains($"vpnns up: [{client.VpnNamespace}] netns add {client.VpnNamespace} (or reuse)", client.Process.Log);
        client.ReachesThroughTunnel("10.8.0.1");
        TunnelAssertions.IsIsolatedOnto(client, "tun0");
    }

    [RootFact]
    public void Down_keeps_the_namespace_by_default_and_the_programs_inside_stay_cut_off()
    {
        var client = _lab.StartClient(Server());
        client.Process.Stop();

        Assert.True(File.Exists($"/run/netns/{client.VpnNamespace}"));
        Assert.True(File.Exists(client.ResolvConfPath));
        Assert.Equal("lo", client.Ip("-o", "link").Split(':')[1].Trim());
        Assert.DoesNotContain("default", client.Ip("route"));
    }

    [RootFact]
    public void Down_with_VPNNS_DOWN_delete_removes_the_namespace_and_the_files_it_wrote()
    {
        var client = _lab.StartClient(Server(), new ClientOptions { DownPolicy = "delete" });
        client.Process.Stop();

        Assert.False(File.Exists($"/run/netns/{client.VpnNamespace}"));
        Assert.False(Directory.Exists($"/etc/netns/{client.VpnNamespace}"));
        Assert.DoesNotContain(client.VpnNamespace, ChildProcess.Ip("netns", "list"));
    }

    private static long Inode(string path) => long.Parse(ChildProcess.Run("stat", "-c", "%i", path).Stdout.Trim());
}
