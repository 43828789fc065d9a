using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// Which namespace a connection uses (interface.md, "Which namespace"): <c>VPNNS_NAME</c>, else the basename of
/// <c>config</c> without <c>.conf</c>/<c>.ovpn</c>. Pushed <c>setenv-safe</c> values arrive as <c>OPENVPN_*</c> and
/// are never consulted: a server must not pick which namespace it lands in.
/// </summary>
public static class NamespaceSelection
{
    public const string Variable = "VPNNS_NAME";

    public static NamespaceName Choose(IReadOnlyDictionary<string, string> env)
    {
        if (env.TryGetValue(Variable, out var explicitName) && explicitName.Length > 0)
        {
            return NamespaceName.TryParse(explicitName, out var name)
                ? name
                : throw VpnnsException.Invalid("invalid namespace name in VPNNS_NAME", NamespaceName.Quote(explicitName));
        }
        if (!env.TryGetValue("config", out var config) || config.Length == 0)
            throw VpnnsException.Invalid("cannot choose a namespace", "neither VPNNS_NAME nor config is set; add \"setenv VPNNS_NAME name\" to the config");
        string stem = StemOf(config);
        return NamespaceName.TryParse(stem, out var fromConfig)
            ? fromConfig
            : throw VpnnsException.Invalid(
                "cannot use the config file name as a namespace name",
                $"{NamespaceName.Quote(stem)}; add \"setenv VPNNS_NAME name\" to the config");
    }

    private static string StemOf(string config)
    {
        string file = Path.GetFileName(config);
        foreach (var extension in (ReadOnlySpan<string>)[".conf", ".ovpn"])
        {
            if (file.EndsWith(extension, StringComparison.Ordinal) && file.Length > extension.Length)
                return file[..^extension.Length];
        }
        return file;
    }
}
