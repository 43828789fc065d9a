using Vpnns.Interop;

namespace Vpnns;

/// <summary>
/// The top-level error boundary of every vpnns program (hooks, vpnnsctl, vpnns-exec): one line on stderr, never a
/// stack trace unless asked for and unprivileged. Written with write(2), so the setuid launcher never starts Console.
/// </summary>
public static class EntryPoint
{
    /// <summary>Runs <paramref name="body"/>, turning exceptions into a one-line message and an exit code.</summary>
    /// <param name="program">the prefix of error lines, e.g. "vpnnsctl" or "vpnns up"</param>
    /// <param name="showsDetail">asked only after a failure: whether VPNNS_DEBUG is on for this run</param>
    public static int Run(string program, Func<int> body, Func<bool> showsDetail)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return Report(program, e, showsDetail());
        }
    }

    /// <summary>Prints the one line for an exception that reached the top and returns its exit code.</summary>
    public static int Report(string program, Exception e, bool showDetail = false)
    {
        if (e is VpnnsException failure)
        {
            StandardStreams.WriteError($"{program}: {failure.Message}\n");
            return failure.ExitCode;
        }
        StandardStreams.WriteError($"{program}: internal error: {e.GetType().Name}: {e.Message}\n");
        // A stack trace is useful to us and to an attacker alike; never print one while privileged.
        if (showDetail && !ProcessCredentials.IsElevated())
            StandardStreams.WriteError(e + "\n");
        return ExitCodes.Internal;
    }
}
