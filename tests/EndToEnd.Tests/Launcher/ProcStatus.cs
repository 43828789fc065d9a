using System.Runtime.Versioning;
namespace Vpnns.Tests.Launcher;

/// <summary>Fields of a /proc/PID/status text.</summary>
[SupportedOSPlatform("linux")]
public static class ProcStatus
{
    public static string Field(string status, string key)
    {
        foreach (string line in status.Split('\n'))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return string.Join(' ', line[(key.Length + 1)..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        }
        throw new InvalidOperationException($"no {key} in:\n{status}");
    }

    /// <summary>`id -u USER` / `id -g USER` / `id -G USER` from the database, as the child should have them.</summary>
    public static string Id(string option, string user) =>
        InstalledLauncher.Run("id", option, user).Require("id").Out.Trim();

    public static string SortedGroups(string groups) =>
        string.Join(' ', groups.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(uint.Parse).Order());
}
