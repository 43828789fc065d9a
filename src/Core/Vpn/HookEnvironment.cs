using System.Collections;
using Vpnns.Settings;

namespace Vpnns.Vpn;

/// <summary>A copy of the process environment, taken once: parsers read the copy, never the globals.</summary>
public static class HookEnvironment
{
    public static IReadOnlyDictionary<string, string> Capture()
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
                copy[key] = value;
        }
        return copy;
    }

    /// <summary>
    /// The environment the hook readers see: the real one, plus each VPNNS_* setting that only the machine-wide
    /// file gives (<see cref="SettingsFile"/>; the environment, i.e. the VPN's own config, wins). Every reader is a
    /// pure function of this one dictionary, so a setting means the same wherever it was written.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithFileDefaults(IReadOnlyDictionary<string, string> env,
        IReadOnlyDictionary<string, string>? fileDefaults)
    {
        if (fileDefaults is null)
            return env;
        Dictionary<string, string>? merged = null;
        foreach (var (name, value) in fileDefaults)
        {
            if (env.ContainsKey(name))
                continue;
            merged ??= new Dictionary<string, string>(env, StringComparer.Ordinal);
            merged[name] = value;
        }
        return merged ?? env;
    }
}
