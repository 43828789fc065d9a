using Xunit;

namespace Vpnns.Tests.OpenVpn;

/// <summary>
/// OpenVPN with <c>user nobody</c>: the client drops root after the first up, so down runs without any capability
/// (reference.md 1.6). The default down must still succeed; deleting needs the down-root plugin.
/// </summary>
public sealed class PrivilegeDropTests : IDisposable
{
    private readonly OpenVpnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [RootFact]
    public void An_unprivileged_down_keeps_the_namespace_and_succeeds()
    {
        var client = _lab.StartClient(_lab.StartServer(new ServerOptions()),
            new ClientOptions { Extra = ["user nobody", "group nogroup"] });
        client.ReachesThroughTunnel("10.8.0.1");

        client.Process.Stop();

        string log = client.Process.Log;
        Assert.Contains($"vpnns down: [{client.VpnNamespace}] keeping the namespace", log);
        Assert.DoesNotContain("Failed running command", log);
        Assert.True(File.Exists($"/run/netns/{client.VpnNamespace}"));
    }

    [RootFact]
    public void The_down_root_plugin_runs_down_as_root_and_deletes_the_namespace()
    {
        string plugin = $"plugin /usr/lib/openvpn/openvpn-plugin-down-root.so \"{_lab.HookDirectory}/down\"";
        var client = _lab.StartClient(_lab.StartServer(new ServerOptions()), new ClientOptions
        {
            DownPolicy = "delete",
            DownScript = false,
            Extra = ["user nobody", "group nogroup", "persist-tun", "persist-key", plugin],
        });
        client.ReachesThroughTunnel("10.8.0.1");

        client.Process.Stop();

        Assert.Contains($"vpnns down: [{client.VpnNamespace}] netns delete {client.VpnNamespace}", client.Process.Log);
        Assert.False(File.Exists($"/run/netns/{client.VpnNamespace}"));
        Assert.False(Directory.Exists($"/etc/netns/{client.VpnNamespace}"));
    }
}
