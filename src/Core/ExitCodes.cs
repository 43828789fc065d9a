namespace Vpnns;

/// <summary>Process exit codes shared by every vpnns program (see shared/interface.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Internal = 3;

    // vpnns-exec follows env(1)/chroot(8).
    public const int LauncherFailure = 125;
    public const int CommandNotExecutable = 126;
    public const int CommandNotFound = 127;
}
