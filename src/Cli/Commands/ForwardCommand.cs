using System.CommandLine;
using System.Runtime.InteropServices;
using Vpnns.Forward;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Cli.Commands;

internal static class ForwardCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "namespace name" };
        var spec = new Argument<string>("spec")
        {
            Description = "[HOST_ADDR:]PORT[:NS_PORT]: listen on HOST_ADDR:PORT here (default 127.0.0.1), " +
                "connect to NS_PORT (default PORT) on the loopback inside NAME",
        };
        var command = new Command("forward",
            "Reach a TCP service on the loopback inside NAME from here, relaying bytes (no device, address or route added; until interrupted)")
            { name, spec };
        command.SetAction(r =>
        {
            string ns = NamespaceName.ParseExisting(r.GetValue(name));
            var forward = ForwardSpec.Parse(r.GetValue(spec));

            // Registered before anything is opened: an early SIGTERM still ends with status 0 and closed sockets.
            using var stop = new CancellationTokenSource();
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

            using var handle = new NamespaceStore().Open(ns);
            using var forwarder = PortForwarder.Start(handle, ns, forward, line => StandardStreams.WriteError($"vpnnsctl: {line}\n"));
            var targets = forward.InsideTargets;
            Console.Out.WriteLine($"forwarding {forwarder.Listening} -> {ns} {targets[0]} (or {targets[1]})");
            Console.Out.Flush();
            forwarder.RunAsync(stop.Token).GetAwaiter().GetResult();
            return ExitCodes.Success;
        });
        return command;
    }
}
