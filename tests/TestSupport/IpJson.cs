using System.Text.Json;

namespace Vpnns.Tests;

/// <summary>Runs `ip -n NS -j ...` (iproute2 as the independent oracle) and returns the parsed JSON array.</summary>
public static class IpJson
{
    public static JsonElement[] Query(string ns, params string[] args)
    {
        string output = ChildProcess.Ip(["-n", ns, "-j", .. args]);
        if (string.IsNullOrWhiteSpace(output))
            return [];
        using JsonDocument document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The link's JSON object from `ip -j link show dev NAME`.</summary>
    public static JsonElement Link(string ns, string device) => Query(ns, "link", "show", "dev", device).Single();

    /// <summary>The IFF_* flag names ip prints for a device, e.g. UP, NOARP, POINTOPOINT.</summary>
    public static string[] Flags(string ns, string device) =>
        [.. Link(ns, device).GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)];

    public static string? String(this JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) ? value.ToString() : null;
}
