using System.CommandLine;
using Vpnns.Admin;
using Vpnns.Cli.Output;

namespace Vpnns.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "namespace (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var json = JsonOption.Create();
        var command = new Command("status", "Show the VPN (daemon, config, pid, since), devices with rx/tx bytes, addresses, routes, DNS and processes per namespace") { name, json };
        command.SetAction(r =>
        {
            var status = new NamespaceAdmin().Status(r.GetValue(name));
            if (r.GetValue(json)) StatusWriter.WriteJson(Console.Out, status);
            else StatusWriter.WriteText(Console.Out, status);
            return ExitCodes.Success;
        });
        return command;
    }
}
