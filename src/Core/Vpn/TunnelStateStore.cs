using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>Reads and writes <see cref="TunnelState"/> files; callers hold the <see cref="NamespaceLock"/>.</summary>
public sealed class TunnelStateStore(HookPaths paths)
{
    public TunnelState? Read(NamespaceName name)
    {
        string file = paths.StateFile(name);
        return Guarded("cannot read state", file, () => File.Exists(file) ? TunnelState.Parse(File.ReadAllText(file)) : null);
    }

    /// <summary>
    /// Rewrites the file in place. A crash mid-write leaves a file that parses as null, which makes down
    /// remove less, never more; rename-over cost more than the rest of the state handling (bench/hook).
    /// </summary>
    public void Write(NamespaceName name, TunnelState state)
    {
        string file = paths.StateFile(name);
        Guarded("cannot write state", file, () =>
        {
            File.WriteAllText(file, state.Render());
            return true;
        });
    }

    /// <summary>Removes the state; absent is fine (down is idempotent).</summary>
    public void Delete(NamespaceName name)
    {
        string file = paths.StateFile(name);
        Guarded("cannot remove state", file, () =>
        {
            File.Delete(file);
            return true;
        });
    }

    // .NET's file exceptions carry resource keys, not text, in this trimmed build; the user gets our one line.
    private static T Guarded<T>(string operation, string file, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VpnnsException(operation, file, e.HResult is > 0 and < 4096 ? e.HResult : Interop.Errno.EIO);
        }
    }
}
