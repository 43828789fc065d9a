using System.CommandLine;
using Vpnns;
using Vpnns.Cli.Commands;

return EntryPoint.Run("vpnnsctl", () =>
{
    var root = new RootCommand("Manage named network namespaces (ip netns compatible) and the VPNs inside them");
    var list = ListCommand.Create();
    root.Add(list);
    root.Add(AddCommand.Create());
    root.Add(DeleteCommand.Create());
    root.Add(SetCommand.Create());
    root.Add(IdentifyCommand.Create());
    root.Add(PidsCommand.Create());
    root.Add(MonitorCommand.Create());
    root.Add(ListIdCommand.Create());
    root.Add(AttachCommand.Create());
    root.Add(StatusCommand.Create());

    // `vpnnsctl` alone lists, as `ip netns` alone does.
    var parse = root.Parse(args.Length == 0 ? ["list"] : args);
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
            Console.Error.WriteLine($"vpnnsctl: {error.Message}");
        Console.Error.WriteLine("Try 'vpnnsctl --help'.");
        return ExitCodes.InvalidInput;
    }
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
});
