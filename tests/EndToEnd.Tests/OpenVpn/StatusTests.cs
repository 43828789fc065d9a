using System.Text.Json;
using Xunit;

namespace Vpnns.Tests.OpenVpn;

/// <summary>`vpnnsctl status` on a real connection: what put the VPN there, its traffic, who runs inside.</summary>
public sealed class StatusTests : IDisposable
{
    private readonly OpenVpnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private static JsonElement Status(string name)
    {
        var r = ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "status", name, "--json").EnsureSuccess("vpnnsctl status --json");
        var all = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(1, all.GetArrayLength());
        return all[0];
    }

    [RootFact]
    public void Status_names_the_openvpn_that_brought_it_up_counts_its_traffic_and_lists_processes_with_their_users()
    {
        var client = _lab.StartClient(_lab.StartServer(new ServerOptions { Push = ["dhcp-option DNS 10.8.0.1"] }));
        client.ReachesThroughTunnel("10.8.0.1");
        using var inside = System.Diagnostics.Process.Start("ip", ["netns", "exec", client.VpnNamespace, "setpriv",
            "--reuid=nobody", "--regid=nogroup", "--clear-groups", "sleep", "60"])!;
        Poll.Until(() => File.Exists($"/proc/{inside.Id}/comm") && File.ReadAllText($"/proc/{inside.Id}/comm") == "sleep\n",
            "sleep to run inside");
        try
        {
            var status = Status(client.VpnNamespace);

            var tunnel = status.GetProperty("tunnel");
            Assert.Equal("openvpn", tunnel.GetProperty("daemon").GetString());
            Assert.EndsWith(".conf", tunnel.GetProperty("source").GetString());
            Assert.Equal(client.Process.Pid, tunnel.GetProperty("pid").GetInt32());
            Assert.True(tunnel.GetProperty("daemon_running").GetBoolean());
            Assert.Equal("tun0", tunnel.GetProperty("device").GetString());
            var upSince = DateTimeOffset.Parse(tunnel.GetProperty("up_since").GetString()!);
            Assert.InRange(upSince, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

            var tun = status.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "tun0");
            Assert.True(tun.GetProperty("rx_bytes").GetUInt64() > 0, "the ping's replies were received");
            Assert.True(tun.GetProperty("tx_bytes").GetUInt64() > 0, "the pings were sent");

            var processes = status.GetProperty("processes").EnumerateArray()
                .Select(p => (p.GetProperty("pid").GetInt32(), p.GetProperty("command").GetString(), p.GetProperty("user").GetString()));
            Assert.Contains((inside.Id, "sleep", "nobody"), processes);

            string text = ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "status", client.VpnNamespace).EnsureSuccess("status").Stdout;
            Assert.Matches(@$"\n  vpn openvpn \S+\.conf pid {client.Process.Pid} up since \S+ device tun0\n", text);
            Assert.Contains($"  process {inside.Id} sleep (nobody)\n", text);
        }
        finally
        {
            inside.Kill();
            inside.WaitForExit();
        }
    }

    [RootFact]
    public void After_openvpn_stops_status_says_its_daemon_is_not_running()
    {
        var client = _lab.StartClient(_lab.StartServer(new ServerOptions()));
        client.Process.Stop();

        var tunnel = Status(client.VpnNamespace).GetProperty("tunnel");
        Assert.False(tunnel.GetProperty("daemon_running").GetBoolean());
    }
}
