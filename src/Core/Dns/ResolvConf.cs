using System.Text;
using Vpnns.Namespaces;

namespace Vpnns.Dns;

/// <summary>The text of a namespace's resolv.conf, rendered only from validated settings.</summary>
public static class ResolvConf
{
    public static string Render(DnsSettings dns, NamespaceName namespaceName)
    {
        var text = new StringBuilder(256)
            .Append("# Written by vpnns for namespace ").Append(namespaceName)
            .Append(" from the VPN's settings; rewritten on every connect.\n");
        foreach (var server in dns.Servers)
            text.Append("nameserver ").Append(server).Append('\n');
        if (!dns.SearchDomains.IsEmpty)
            text.Append("search ").AppendJoin(' ', dns.SearchDomains).Append('\n');
        return text.ToString();
    }
}
