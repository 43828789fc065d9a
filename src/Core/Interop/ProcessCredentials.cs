using Tmds.Linux;

namespace Vpnns.Interop;

/// <summary>Who this process runs as.</summary>
public static class ProcessCredentials
{
    public static uint RealUid => LibC.getuid();
    public static uint EffectiveUid => LibC.geteuid();
    public static uint RealGid => LibC.getgid();
    public static uint EffectiveGid => LibC.getegid();

    /// <summary>True when the kernel started us with more privilege than our caller has (setuid/setgid/file caps).</summary>
    public static bool IsElevated() => Native.GetAuxVal(Native.AT_SECURE) != 0;
}
