using System.CommandLine;
using Vpnns.Exec;
using Vpnns.Namespaces;

namespace Vpnns.Cli.Commands;

internal static class ExecCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "namespace name" };
        var command = new Argument<string[]>("command")
        {
            Description = "program and its arguments (looked up in PATH)",
            Arity = ArgumentArity.OneOrMore,
            CaptureRemainingTokens = true,
        };
        var user = new Option<string?>("--user", "-u") { Description = "run as this user, with their groups" };
        var group = new Option<string?>("--group", "-g") { Description = "primary group with --user" };
        var exec = new Command("exec", "Run a command inside a named namespace, /etc/netns/NAME/* over /etc/* (as ip netns exec)")
            { user, group, name, command };
        exec.SetAction(r =>
        {
            var request = LaunchRequest.WithCurrentEnvironment(NamespaceName.Parse(r.GetValue(name)), r.GetValue(command)!)
                with { User = r.GetValue(user), Group = r.GetValue(group) };
            Console.Out.Flush(); // the command inherits our stdout: nothing of ours may arrive after its output
            Launcher.Exec(request);
            return ExitCodes.Internal; // not reached: Exec replaces this process or throws
        });
        return exec;
    }
}
