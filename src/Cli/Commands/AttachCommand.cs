using System.CommandLine;
using Vpnns.Admin;
using Vpnns.Namespaces;

namespace Vpnns.Cli.Commands;

internal static class AttachCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "new namespace name" };
        var pid = new Argument<string>("pid") { Description = "process whose network namespace gets the name" };
        var command = new Command("attach", "Give the network namespace of a running process a name") { name, pid };
        command.SetAction(r =>
        {
            new NamespaceAdmin().Attach(NamespaceName.Parse(r.GetValue(name)), PidArgument.Parse(r.GetValue(pid)));
            return ExitCodes.Success;
        });
        return command;
    }
}
