using System.Text;

namespace Vpnns.Tests.OpenVpn;

/// <summary>An OpenVPN client with the vpnns hooks; <see cref="VpnNamespace"/> is what the hooks create.</summary>
public sealed class LabClient(string vpnNamespace, LabServer server, ClientOptions options)
{
    public string VpnNamespace => vpnNamespace;

    public LabServer Server => server;

    public OpenVpnProcess Process { get; internal set; } = null!;

    public string ResolvConfPath => $"/etc/netns/{vpnNamespace}/resolv.conf";

    public string Config(string pki, string hooks)
    {
        var text = new StringBuilder()
            .AppendLine($"client\ndev {server.Options.Device}\nproto udp\nremote {server.Address} 1194\nnobind")
            .AppendLine($"ca {pki}/ca.crt\ncert {pki}/{options.Certificate}.crt\nkey {pki}/{options.Certificate}.key")
            .AppendLine("remote-cert-tls server\nverb 3\nscript-security 2\ndisable-dco")
            .AppendLine($"setenv VPNNS_NAME {vpnNamespace}")
            .AppendLine($"up {hooks}/up\ndown {hooks}/down");
        if (options.NoExec)
            text.AppendLine("ifconfig-noexec\nroute-noexec");
        if (options.DownPolicy is { } policy)
            text.AppendLine($"setenv VPNNS_DOWN {policy}");
        foreach (string line in options.Extra)
            text.AppendLine(line);
        return text.ToString();
    }

    /// <summary>`ip -n VPN ARGS`.</summary>
    public string Ip(params string[] args) => ChildProcess.Ip(["-n", vpnNamespace, .. args]);

    /// <summary>One ping from inside the VPN namespace; true when answered.</summary>
    public bool Pings(string address) =>
        ChildProcess.Run("ip", "netns", "exec", vpnNamespace, "ping", "-n", "-c", "1", "-W", "1", address).ExitCode == 0;

    /// <summary>Pings until answered (the first packets may race the server learning the route), or fails.</summary>
    public void ReachesThroughTunnel(string address) =>
        Poll.Until(() => Pings(address), $"ping {address} from {vpnNamespace}", TimeSpan.FromSeconds(15));
}
