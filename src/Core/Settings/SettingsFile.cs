using Microsoft.Extensions.Configuration;
using Vpnns.Dns;
using Vpnns.Vpn;

namespace Vpnns.Settings;

/// <summary>
/// /etc/vpnns/vpnns.conf: machine-wide defaults for the hooks' <c>VPNNS_*</c> settings, INI syntax
/// (<c>down = delete</c>, <c>; comment</c>). The file only supplies values: each setting has one reader, which sees
/// the hook's environment with these defaults filled in (<see cref="HookEnvironment.WithFileDefaults"/>).
/// </summary>
public static class SettingsFile
{
    public const string DefaultPath = "/etc/vpnns/vpnns.conf";

    /// <summary>The settings a file may give; its keys are these names without <c>VPNNS_</c>, in any case.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        NamespaceSelection.Variable, DownPolicyReader.Variable, DnsOverride.Variable, PppEventReader.Ipv6DefaultVariable,
        DebugSetting.Variable,
    ];

    /// <summary>
    /// The file's settings as <c>VPNNS_*</c> variables; null when there is no file. Without one the hooks never build
    /// a configuration, which would only cost start-up (0.3 ms CPU and 0.7 MB RSS per run, bench/tools/benchpair).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? ReadIfPresent(string path = DefaultPath) =>
        File.Exists(path) ? Read(path) : null;

    /// <summary>Reads the file; a malformed line or an unknown key is one error naming the file.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddIniFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw VpnnsException.Invalid("invalid settings file", $"{path}: {e.Message}");
        }
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in root.AsEnumerable())
        {
            if (value is null)
                continue; // a [section] header; the keys under it arrive as "section:key" and are refused below
            string variable = "VPNNS_" + key.ToUpperInvariant();
            if (!Variables.Contains(variable))
                throw VpnnsException.Invalid("invalid settings file",
                    $"{path}: unknown setting \"{key}\" (known: name, down, dns, ipv6_default, debug)");
            settings[variable] = value;
        }
        return settings;
    }
}
