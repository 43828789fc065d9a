using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// vpnns-exec from argv to exec. Reads its arguments and environment as raw bytes from /proc/self, never
/// through the runtime's decoded copies, and writes messages with write(2), not System.Console.
/// </summary>
public static class LauncherProgram
{
    private static string VersionText() =>
        System.Reflection.Assembly.GetEntryAssembly()
            ?.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute v, ..] ? v.InformationalVersion : "unknown";

    /// <summary>Returns an exit status only for --help, --check and failures; otherwise becomes COMMAND.</summary>
    public static int Run()
    {
        try
        {
            var argv = ProcessStartData.ReadArguments();
            var environment = EnvironmentScrub.ReexecuteIfNeeded(argv, ProcessStartData.ReadEnvironment());
            var line = LaunchCommandLine.Parse(argv, environment);
            if (line.IsHelp)
            {
                StandardStreams.WriteOutput(LaunchCommandLine.Usage);
                return ExitCodes.Success;
            }
            if (line.IsVersion)
            {
                StandardStreams.WriteOutput(VersionText() + "\n");
                return ExitCodes.Success;
            }
            if (line.IsCheckOnly)
            {
                Launcher.Check(line.Request!);
                return ExitCodes.Success;
            }
            Launcher.Exec(line.Request!);
            return ExitCodes.LauncherFailure; // not reached: Exec either replaces this process or throws
        }
        catch (VpnnsException e)
        {
            StandardStreams.WriteError("vpnns-exec: " + e.Message + "\n");
            return e.ExitCode is ExitCodes.CommandNotExecutable or ExitCodes.CommandNotFound ? e.ExitCode : ExitCodes.LauncherFailure;
        }
        catch (Exception e)
        {
            // No stack trace, ever: this may run as root on behalf of anyone (conventions.md 4).
            StandardStreams.WriteError($"vpnns-exec: internal error: {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.LauncherFailure;
        }
    }
}
