using System.CommandLine;
using Vpnns.Admin;

namespace Vpnns.Cli.Commands;

internal static class SetCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "namespace name" };
        var id = new Argument<string>("netnsid") { Description = "nsid (>= 0) or auto" };
        var command = new Command("set", "Assign an nsid to a named namespace") { name, id };
        command.SetAction(r =>
        {
            string text = r.GetValue(id)!;
            int nsid = text == "auto" ? -1
                : int.TryParse(text, out int n) && n >= 0 ? n
                : throw VpnnsException.Invalid("invalid nsid (must be >= 0 or auto)", text);
            new NamespaceAdmin().SetId(r.GetValue(name)!, nsid);
            return ExitCodes.Success;
        });
        return command;
    }
}
