using System.CommandLine;
using Vpnns.Admin;

namespace Vpnns.Cli.Commands;

internal static class DeleteCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("name") { Description = "namespace names", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all", "-all", "-a") { Description = "delete every named namespace" };
        var force = new Option<bool>("--force", "-f") { Description = "delete even if a live VPN device is inside" };
        var command = new Command("delete", "Delete named network namespaces (the name; the namespace lives on while used)")
            { names, all, force };
        command.Aliases.Add("del");
        command.SetAction(r =>
        {
            var admin = new NamespaceAdmin();
            string[] given = r.GetValue(names) ?? [];
            bool everything = r.GetValue(all);
            if (everything == (given.Length > 0))
                throw VpnnsException.Invalid("usage", "delete NAME... or delete --all");
            if (everything) admin.DeleteAll(r.GetValue(force));
            foreach (string n in given) admin.Delete(n, r.GetValue(force));
            return ExitCodes.Success;
        });
        return command;
    }
}
