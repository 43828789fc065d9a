using System.Text;

namespace Vpnns.Tests.OpenVpn;

/// <summary>An OpenVPN server in its own namespace, reachable from the lab's host namespace at <see cref="Address"/>.</summary>
public sealed class LabServer(string ns, string address, string hostSideAddress, ServerOptions options)
{
    public string Namespace => ns;

    public string Address => address;

    /// <summary>The client host namespace's end of the veth: must never be reachable from inside a VPN namespace.</summary>
    public string HostSideAddress => hostSideAddress;

    public ServerOptions Options => options;

    /// <summary>The server's own tunnel address: .1 of the subnet.</summary>
    public string TunnelAddress => options.Subnet[..options.Subnet.LastIndexOf('.')] + ".1";

    public string Config(string pki)
    {
        var text = new StringBuilder()
            .AppendLine($"dev {options.Device}")
            .AppendLine(options.Device == "tun" ? $"topology {options.Topology}" : "")
            .AppendLine($"server {options.Subnet} 255.255.255.0")
            .AppendLine(options.Ipv6Subnet is null || options.Device == "tap" ? "" : $"server-ipv6 {options.Ipv6Subnet}")
            .AppendLine($"proto udp\nlocal {address}\nport 1194")
            .AppendLine($"ca {pki}/ca.crt\ncert {pki}/server.crt\nkey {pki}/server.key\ndh none")
            .AppendLine("duplicate-cn\nkeepalive 10 60\nverb 3");
        foreach (string push in options.Push)
            text.AppendLine($"push \"{push}\"");
        return text.ToString();
    }
}
