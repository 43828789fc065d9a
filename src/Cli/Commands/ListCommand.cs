using System.CommandLine;
using Vpnns.Admin;
using Vpnns.Cli.Output;

namespace Vpnns.Cli.Commands;

internal static class ListCommand
{
    public static Command Create()
    {
        var json = JsonOption.Create();
        var command = new Command("list", "List named network namespaces, with their nsid when assigned") { json };
        command.Aliases.Add("show");
        command.Aliases.Add("lst");
        command.SetAction(r =>
        {
            var entries = new NamespaceAdmin().List();
            if (r.GetValue(json)) NamespaceListWriter.WriteJson(Console.Out, entries);
            else NamespaceListWriter.WriteText(Console.Out, entries);
            return ExitCodes.Success;
        });
        return command;
    }
}
