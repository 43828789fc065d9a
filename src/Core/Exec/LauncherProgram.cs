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
        catch (Exception e)
        {
            // No stack trace, ever: this may run as root on behalf of anyone (conventions.md 4). Like env(1), every
            // failure of its own is 125; 126 and 127 say what was wrong with COMMAND.
            int status = EntryPoint.Report("vpnns-exec", e);
            return status is ExitCodes.CommandNotExecutable or ExitCodes.CommandNotFound ? status : ExitCodes.LauncherFailure;
        }
    }
}
