using System.CommandLine;
using Vpnns.Admin;

namespace Vpnns.Cli.Commands;

internal static class PidsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "namespace name" };
        var command = new Command("pids", "List the processes inside a named namespace") { name };
        command.SetAction(r =>
        {
            foreach (int pid in new NamespaceAdmin().Pids(r.GetValue(name)!))
                Console.Out.WriteLine(pid);
            return ExitCodes.Success;
        });
        return command;
    }
}
