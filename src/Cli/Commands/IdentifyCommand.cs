using System.CommandLine;
using Vpnns.Admin;

namespace Vpnns.Cli.Commands;

internal static class IdentifyCommand
{
    public static Command Create()
    {
        var pid = new Argument<string?>("pid") { Description = "process id (default: this process)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("identify", "Print the name of the namespace a process is in") { pid };
        command.SetAction(r =>
        {
            string? text = r.GetValue(pid);
            Console.Out.WriteLine(new NamespaceAdmin().Identify(text is null ? 0 : PidArgument.Parse(text)) ?? "");
            return ExitCodes.Success;
        });
        return command;
    }
}
