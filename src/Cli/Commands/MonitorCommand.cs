using System.CommandLine;
using Vpnns.Admin;

namespace Vpnns.Cli.Commands;

internal static class MonitorCommand
{
    public static Command Create()
    {
        var command = new Command("monitor", "Report namespace names as they are added and deleted (until interrupted)");
        command.SetAction(_ =>
        {
            new NamespaceAdmin().Monitor((created, name) =>
            {
                // Flushed per line so a pipe reader sees events as they happen.
                Console.Out.WriteLine((created ? "add " : "delete ") + name);
                Console.Out.Flush();
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
