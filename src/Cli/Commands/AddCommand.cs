using System.CommandLine;
using Vpnns.Admin;
using Vpnns.Namespaces;

namespace Vpnns.Cli.Commands;

internal static class AddCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "namespace name: 1-64 of [A-Za-z0-9_.-]" };
        var command = new Command("add", "Create a named network namespace") { name };
        command.SetAction(r =>
        {
            new NamespaceAdmin().Add(NamespaceName.Parse(r.GetValue(name)));
            return ExitCodes.Success;
        });
        return command;
    }
}
