using System.Text.Json;
using Vpnns.Admin;

namespace Vpnns.Cli.Output;

internal static class StatusWriter
{
    public static void WriteJson(TextWriter output, IReadOnlyList<NamespaceStatus> status) =>
        output.WriteLine(JsonSerializer.Serialize(status.ToArray(), CliJson.Default.NamespaceStatusArray));

    public static void WriteText(TextWriter o, IReadOnlyList<NamespaceStatus> status)
    {
        foreach (var ns in status)
        {
            o.WriteLine(ns.Id is int id ? $"{ns.Name} (id: {id})" : ns.Name);
            if (ns.Problem is not null)
                o.WriteLine($"  problem: {ns.Problem}");
            if (ns.Tunnel is { } t)
                o.WriteLine($"  vpn {t.Daemon} {(t.Source.Length > 0 ? t.Source : "?")} pid {(t.Pid?.ToString() ?? "?")}" +
                    $"{(t.DaemonRunning ? "" : " (not running)")} up since {t.UpSince} device {t.Device}");
            foreach (var d in ns.Devices)
            {
                string vpn = d.IsVpn ? (d.IsLive ? "  vpn: live" : "  vpn: no carrier") : "";
                string traffic = d.RxBytes is ulong rx && d.TxBytes is ulong tx ? $"  rx {rx} tx {tx} bytes" : "";
                o.WriteLine($"  device {d.Name}{(d.Kind is null ? "" : $" ({d.Kind})")} {(d.IsUp ? "up" : "down")} mtu {d.Mtu}{vpn}{traffic}");
                foreach (string a in d.Addresses)
                    o.WriteLine($"    {a}");
            }
            foreach (var r in ns.Routes)
                o.WriteLine($"  route {r.Destination}{(r.Via is null ? "" : $" via {r.Via}")}{(r.Device is null ? "" : $" dev {r.Device}")}{(r.Metric is uint m ? $" metric {m}" : "")}");
            if (ns.Dns.Servers.Count > 0 || ns.Dns.Search.Count > 0)
                o.WriteLine($"  dns {string.Join(' ', ns.Dns.Servers)}{(ns.Dns.Search.Count > 0 ? $" search {string.Join(' ', ns.Dns.Search)}" : "")}");
            foreach (var p in ns.Processes)
                o.WriteLine($"  process {p.Pid} {p.Command} ({p.User})");
        }
    }
}
