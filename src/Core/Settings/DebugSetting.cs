namespace Vpnns.Settings;

/// <summary>
/// <c>VPNNS_DEBUG=1</c>: print an internal error's stack trace after its one line. The one reader of the setting;
/// <see cref="EntryPoint"/> still refuses while privileged, and the setuid launcher never asks.
/// </summary>
public static class DebugSetting
{
    public const string Variable = "VPNNS_DEBUG";

    public static bool IsOn(IReadOnlyDictionary<string, string> env) => IsOn(env.GetValueOrDefault(Variable));

    public static bool IsOn(string? value) => value == "1";
}
