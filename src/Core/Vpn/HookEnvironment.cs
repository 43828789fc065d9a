using System.Collections;

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
}
