using System.CommandLine;
using Vpnns.Admin;
using Vpnns.Cli.Output;

namespace Vpnns.Cli.Commands;

internal static class ListIdCommand
{
    public static Command Create()
    {
        var json = JsonOption.Create();
        var command = new Command("list-id", "List the nsids known in this namespace and their names") { json };
        command.SetAction(r =>
        {
            var ids = new NamespaceAdmin().ListIds();
            if (r.GetValue(json)) NamespaceListWriter.WriteJson(Console.Out, ids);
            else NamespaceListWriter.WriteText(Console.Out, ids);
            return ExitCodes.Success;
        });
        return command;
    }
}
