using System.Text;

namespace Vpnns.Vpn;

/// <summary>
/// What the hooks created for one namespace, written at <c>up</c> and read at <c>down</c>: by then the device is
/// gone and nothing else records which files were ours (pitfall 8). Stored as <c>key=value</c> lines.
/// </summary>
/// <param name="Origin">who brought the tunnel up; null in files written before it was recorded</param>
public sealed record TunnelState(string Device, bool CreatedNamespace, bool CreatedEtcDirectory, bool CreatedResolvConf,
    TunnelOrigin? Origin = null)
{
    /// <summary>Combines with an earlier connection's state: once the hooks created something, it stays theirs.</summary>
    public TunnelState MergedWith(TunnelState? earlier) =>
        earlier is null ? this : this with
        {
            CreatedNamespace = CreatedNamespace || earlier.CreatedNamespace,
            CreatedEtcDirectory = CreatedEtcDirectory || earlier.CreatedEtcDirectory,
            CreatedResolvConf = CreatedResolvConf || earlier.CreatedResolvConf,
            Origin = Origin ?? earlier.Origin,
        };

    public string Render()
    {
        var text = new StringBuilder()
            .Append("device=").Append(Device).Append('\n')
            .Append("created_namespace=").Append(CreatedNamespace ? '1' : '0').Append('\n')
            .Append("created_etc_directory=").Append(CreatedEtcDirectory ? '1' : '0').Append('\n')
            .Append("created_resolv_conf=").Append(CreatedResolvConf ? '1' : '0').Append('\n');
        if (Origin is { } o)
        {
            text.Append("daemon=").Append(o.Daemon).Append('\n')
                .Append("source=").Append(TunnelOrigin.Clean(o.Source)).Append('\n')
                .Append("up_since=").Append(o.UpSince).Append('\n');
            if (o.Pid is int pid)
                text.Append("pid=").Append(pid).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Parses <see cref="Render"/>'s output; null for anything else (a damaged file claims nothing).</summary>
    public static TunnelState? Parse(string text)
    {
        string? device = null, daemon = null, source = null;
        bool? ns = null, etc = null, resolv = null;
        long? upSince = null;
        int? pid = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = line.IndexOf('=');
            if (eq <= 0)
                return null;
            string value = line[(eq + 1)..];
            switch (line[..eq])
            {
                case "device" when TunnelDeviceName.IsValid(value): device = value; break;
                case "created_namespace": ns = Flag(value); break;
                case "created_etc_directory": etc = Flag(value); break;
                case "created_resolv_conf": resolv = Flag(value); break;
                case "daemon" when TunnelOrigin.IsValidDaemon(value): daemon = value; break;
                case "source": source = TunnelOrigin.Clean(value); break;
                case "up_since" when long.TryParse(value, out long t) && t >= 0: upSince = t; break;
                case "pid" when int.TryParse(value, out int p) && p > 1: pid = p; break;
                default: return null;
            }
        }
        if (device is null || ns is not bool n || etc is not bool e || resolv is not bool r)
            return null;
        // The origin is informational: an incomplete one is left out, the ownership flags still count.
        var origin = daemon is not null && upSince is long since ? new TunnelOrigin(daemon, source ?? "", pid, since) : null;
        return new TunnelState(device, n, e, r, origin);
    }

    private static bool? Flag(string value) => value switch { "1" => true, "0" => false, _ => null };
}
