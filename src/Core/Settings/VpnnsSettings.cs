using Microsoft.Extensions.Configuration;

namespace Vpnns.Settings;

/// <summary>
/// The VPNNS_* settings. Hooks read them from the environment OpenVPN/pppd built from the local config
/// (`setenv VPNNS_NAME work`, `set VPNNS=work`); /etc/vpnns/vpnns.conf gives machine-wide defaults.
/// Never used while running setuid: there the environment belongs to the caller.
/// </summary>
public sealed class VpnnsSettings
{
    /// <summary>VPNNS_NAME: which namespace an OpenVPN connection goes into.</summary>
    public string? Name { get; set; }

    /// <summary>VPNNS_DOWN: "keep" (default, fail closed) or "delete".</summary>
    public string? Down { get; set; }

    /// <summary>VPNNS_DNS: comma- or space-separated servers that replace what the server pushed.</summary>
    public string? Dns { get; set; }

    /// <summary>VPNNS_IPV6_DEFAULT: also route IPv6 by default through the tunnel (pppd ipv6-up).</summary>
    [ConfigurationKeyName("IPV6_DEFAULT")]
    public string? Ipv6Default { get; set; }

    /// <summary>VPNNS_DEBUG=1: print internal errors in full.</summary>
    public string? Debug { get; set; }

    /// <summary>The settings that are set, as the VPNNS_* variables they stand for.</summary>
    public IEnumerable<KeyValuePair<string, string>> AsVariables()
    {
        if (Name is not null) yield return new("VPNNS_NAME", Name);
        if (Down is not null) yield return new("VPNNS_DOWN", Down);
        if (Dns is not null) yield return new("VPNNS_DNS", Dns);
        if (Ipv6Default is not null) yield return new("VPNNS_IPV6_DEFAULT", Ipv6Default);
        if (Debug is not null) yield return new("VPNNS_DEBUG", Debug);
    }

    public bool DeletesOnDown => string.Equals(Down, "delete", StringComparison.OrdinalIgnoreCase);

    public bool RoutesIpv6ByDefault => Ipv6Default is "1" or "yes" or "true";
}
