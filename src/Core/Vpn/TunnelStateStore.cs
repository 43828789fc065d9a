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

    /// <summary>Write-then-rename: a crash leaves the old state or the new one, never half of one.</summary>
    public void Write(NamespaceName name, TunnelState state)
    {
        string file = paths.StateFile(name);
        Guarded("cannot write state", file, () =>
        {
            File.WriteAllText(file + ".new", state.Render());
            File.Move(file + ".new", file, overwrite: true);
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
