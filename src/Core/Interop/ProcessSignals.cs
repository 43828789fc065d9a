using Tmds.Linux;

namespace Vpnns.Interop;

/// <summary>Signals to other processes.</summary>
public static class ProcessSignals
{
    public const int SIGTERM = 15;

    /// <summary>kill(2); returns the errno (0 on success).</summary>
    public static int TrySend(int pid, int signal) => LibC.kill(pid, signal) == 0 ? 0 : Errno.Last();
}
