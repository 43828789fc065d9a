namespace Vpnns.Cli.Commands;

internal static class PidArgument
{
    /// <summary>Parses a PID the way ip netns reports bad ones.</summary>
    public static int Parse(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, null, out int pid) && pid > 0
            ? pid
            : throw VpnnsException.Invalid("not a pid", Vpnns.Namespaces.NamespaceName.Quote(text ?? ""));
}
