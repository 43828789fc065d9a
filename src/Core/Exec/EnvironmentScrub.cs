using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// Keeps the caller's DOTNET_* variables away from our privileged runtime without taking them from COMMAND.
/// The NativeAOT runtime reads DOTNET_* knobs (GC limits, crash-dump settings) before Main, and AT_SECURE
/// does not stop it (reference.md 6.4). So a setuid start that sees any such variable re-executes itself
/// at once with those variables renamed (prefixed with <see cref="CarryPrefix"/>) and a marker entry at the
/// end; the re-executed copy sees no knob, and <see cref="Decode"/> restores the caller's exact block for
/// COMMAND. The encoding is reversible: entries that already carry the prefix get it once more.
/// Anyone can forge the marker; that only renames variables in their own COMMAND's environment.
/// </summary>
public static class EnvironmentScrub
{
    public static ReadOnlySpan<byte> CarryPrefix => "VPNNS_EXEC_CARRIED_"u8;

    public static ReadOnlySpan<byte> Marker => "VPNNS_EXEC_REEXECUTED=1"u8;

    private static ReadOnlySpan<byte> DotnetPrefix => "DOTNET_"u8;

    private static ReadOnlySpan<byte> ComPlusPrefix => "COMPlus_"u8;

    /// <summary>Variables the runtime may read before Main. Case-insensitive: what the runtime matches is not our promise.</summary>
    public static bool IsRuntimeKnob(ReadOnlySpan<byte> entry) =>
        ByteStrings.StartsWithIgnoringAsciiCase(entry, DotnetPrefix) || ByteStrings.StartsWithIgnoringAsciiCase(entry, ComPlusPrefix);

    public static bool NeedsScrub(IReadOnlyList<byte[]> environment)
    {
        foreach (byte[] entry in environment)
        {
            if (IsRuntimeKnob(entry))
                return true;
        }
        return false;
    }

    /// <summary>The environment for the re-executed copy: no runtime knob, everything recoverable.</summary>
    public static byte[][] Encode(IReadOnlyList<byte[]> environment)
    {
        var result = new byte[environment.Count + 1][];
        for (int i = 0; i < environment.Count; i++)
        {
            byte[] entry = environment[i];
            result[i] = IsRuntimeKnob(entry) || entry.AsSpan().StartsWith(CarryPrefix) ? [.. CarryPrefix, .. entry] : entry;
        }
        result[^1] = Marker.ToArray();
        return result;
    }

    /// <summary>Undoes <see cref="Encode"/> when the last entry is the marker; otherwise returns the block unchanged.</summary>
    public static IReadOnlyList<byte[]> Decode(IReadOnlyList<byte[]> environment)
    {
        if (environment.Count == 0 || !environment[^1].AsSpan().SequenceEqual(Marker))
            return environment;
        var result = new byte[environment.Count - 1][];
        for (int i = 0; i < result.Length; i++)
        {
            byte[] entry = environment[i];
            result[i] = entry.AsSpan().StartsWith(CarryPrefix) ? entry[CarryPrefix.Length..] : entry;
        }
        return result;
    }

    /// <summary>
    /// In a setuid start with runtime knobs present, re-executes /proc/self/exe (the same file, even if its
    /// path was replaced) with the encoded environment; does not return then. Otherwise returns the
    /// caller's environment, decoded.
    /// </summary>
    public static IReadOnlyList<byte[]> ReexecuteIfNeeded(IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        if (!ProcessCredentials.IsElevated() || !NeedsScrub(environment))
            return Decode(environment);
        int errno = ProcessImage.TryExecute("/proc/self/exe"u8.ToArray(), argv, Encode(environment));
        throw new VpnnsException("cannot re-execute", "/proc/self/exe", errno, exitCode: ExitCodes.LauncherFailure);
    }
}
