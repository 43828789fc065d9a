using System.CommandLine;
using Vpnns;
using Vpnns.Cli.Commands;

// Listings of a thousand namespaces must not cost a thousand write(2)s: buffer stdout, flush at exit.
var stdout = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 16 * 1024) { AutoFlush = false };
Console.SetOut(stdout);
try
{
    return Run(args);
}
finally
{
    stdout.Flush();
}

static int Run(string[] args) => EntryPoint.Run("vpnnsctl", () =>
{
    var root = new RootCommand("Manage named network namespaces (ip netns compatible) and the VPNs inside them");
    var list = ListCommand.Create();
    root.Add(list);
    root.Add(AddCommand.Create());
    root.Add(DeleteCommand.Create());
    root.Add(SetCommand.Create());
    root.Add(IdentifyCommand.Create());
    root.Add(PidsCommand.Create());
    root.Add(ExecCommand.Create());
    root.Add(MonitorCommand.Create());
    root.Add(ListIdCommand.Create());
    root.Add(AttachCommand.Create());
    root.Add(StatusCommand.Create());
    root.Add(ForwardCommand.Create());
    root.Add(CheckCommand.Create());

    // `vpnnsctl` alone lists, as `ip netns` alone does; `help [VERB]` is `ip netns help` spelled our way.
    var parse = root.Parse(args switch
    {
        [] => ["list"],
        ["help"] => ["--help"],
        ["help", var verb] => [verb, "--help"],
        _ => args,
    });
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
            Console.Error.WriteLine($"vpnnsctl: {error.Message}");
        Console.Error.WriteLine("Try 'vpnnsctl --help'.");
        return ExitCodes.InvalidInput;
    }
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}, () => Vpnns.Settings.DebugSetting.IsOn(Environment.GetEnvironmentVariable(Vpnns.Settings.DebugSetting.Variable)));
