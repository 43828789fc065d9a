namespace Vpnns;

/// <summary>The top-level error boundary of every vpnns program: one line on stderr, never a stack trace.</summary>
public static class EntryPoint
{
    /// <summary>Runs <paramref name="body"/>, turning exceptions into a one-line message and an exit code.</summary>
    /// <param name="program">the prefix of error lines, e.g. "vpnnsctl" or "vpnns up"</param>
    public static int Run(string program, Func<int> body, int failureExitCode = -1)
    {
        try
        {
            return body();
        }
        catch (VpnnsException e)
        {
            Console.Error.WriteLine($"{program}: {e.Message}");
            return failureExitCode >= 0 ? failureExitCode : e.ExitCode;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{program}: internal error: {e.GetType().Name}: {e.Message}");
            if (ShowsDebugDetail())
                Console.Error.WriteLine(e);
            return failureExitCode >= 0 ? failureExitCode : ExitCodes.Internal;
        }
    }

    // A stack trace is useful to us and to an attacker alike; never print one while privileged.
    private static bool ShowsDebugDetail() =>
        Environment.GetEnvironmentVariable("VPNNS_DEBUG") == "1" && !Interop.ProcessCredentials.IsElevated();
}
