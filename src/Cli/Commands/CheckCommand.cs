using System.CommandLine;
using Vpnns.Check;
using Vpnns.Cli.Output;

namespace Vpnns.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "namespace to check" };
        var json = JsonOption.Create();
        var command = new Command("check",
            "Look for leaks: default routes, other devices, DNS routes, resolver side channels, /etc/netns files, " +
            "the VPN device and daemon, processes and the resolv.conf each one reads; exit 0 all PASS, 1 any FAIL, 2 bad name")
        { name, json };
        command.SetAction(r =>
        {
            var facts = new CheckGatherer().Gather(r.GetValue(name)!);
            var items = CheckRules.Evaluate(facts);
            if (r.GetValue(json)) CheckWriter.WriteJson(Console.Out, facts.Name, items);
            else CheckWriter.WriteText(Console.Out, items);
            return items.All(i => i.Passed) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
