using System.Globalization;
using Vpnns.Interop;

namespace Vpnns.Vpn;

/// <summary>
/// The pppd that ran a hook. pppd ignores its scripts' exit status (it does not even wait for ip-up), so a
/// failed ip-up would leave the link up and configured in the host namespace: the one thing vpnns exists to
/// prevent. Stopping pppd is the ppp equivalent of OpenVPN exiting when its up script fails.
/// </summary>
public static class PppDaemon
{
    /// <summary>Sends SIGTERM to PPPD_PID if that process really is pppd; logs what it did or why not.</summary>
    public static void StopAfterFailedUp(IReadOnlyDictionary<string, string> env, HookLog log)
    {
        if (!env.TryGetValue("PPPD_PID", out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 1)
        {
            log.Line("cannot stop pppd: no valid PPPD_PID; the link stays up outside the namespace");
            return;
        }
        // A pid is only a number: make sure it still names a pppd before signalling it.
        if (CommandOf(pid) != "pppd")
        {
            log.Line($"not stopping pid {pid}: it is not pppd");
            return;
        }
        int errno = ProcessSignals.TrySend(pid, ProcessSignals.SIGTERM);
        log.Line(errno == 0
            ? $"stopping pppd (pid {pid}) so the link does not stay up outside the namespace"
            : $"cannot stop pppd (pid {pid}): {Errno.Describe(errno)}");
    }

    private static string? CommandOf(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n'); }
        catch (IOException) { return null; } // already gone
        catch (UnauthorizedAccessException) { return null; }
    }
}
