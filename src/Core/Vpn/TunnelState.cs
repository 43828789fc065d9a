using System.Text;

namespace Vpnns.Vpn;

/// <summary>
/// What the hooks created for one namespace, written at <c>up</c> and read at <c>down</c>: by then the device is
/// gone and nothing else records which files were ours (pitfall 8). Stored as <c>key=value</c> lines.
/// </summary>
public sealed record TunnelState(string Device, bool CreatedNamespace, bool CreatedEtcDirectory, bool CreatedResolvConf)
{
    /// <summary>Combines with an earlier connection's state: once the hooks created something, it stays theirs.</summary>
    public TunnelState MergedWith(TunnelState? earlier) =>
        earlier is null ? this : this with
        {
            CreatedNamespace = CreatedNamespace || earlier.CreatedNamespace,
            CreatedEtcDirectory = CreatedEtcDirectory || earlier.CreatedEtcDirectory,
            CreatedResolvConf = CreatedResolvConf || earlier.CreatedResolvConf,
        };

    public string Render() => new StringBuilder()
        .Append("device=").Append(Device).Append('\n')
        .Append("created_namespace=").Append(CreatedNamespace ? '1' : '0').Append('\n')
        .Append("created_etc_directory=").Append(CreatedEtcDirectory ? '1' : '0').Append('\n')
        .Append("created_resolv_conf=").Append(CreatedResolvConf ? '1' : '0').Append('\n')
        .ToString();

    /// <summary>Parses <see cref="Render"/>'s output; null for anything else (a damaged file claims nothing).</summary>
    public static TunnelState? Parse(string text)
    {
        string? device = null;
        bool? ns = null, etc = null, resolv = null;
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
                default: return null;
            }
        }
        return device is not null && ns is bool n && etc is bool e && resolv is bool r ? new TunnelState(device, n, e, r) : null;
    }

    private static bool? Flag(string value) => value switch { "1" => true, "0" => false, _ => null };
}
