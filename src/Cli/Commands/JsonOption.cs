using System.CommandLine;

namespace Vpnns.Cli.Commands;

internal static class JsonOption
{
    public static Option<bool> Create() => new("--json", "-j") { Description = "print JSON (the format of ip -j)" };
}
