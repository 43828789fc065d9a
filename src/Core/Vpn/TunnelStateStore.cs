using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>Reads and writes <see cref="TunnelState"/> files; callers hold the <see cref="NamespaceLock"/>.</summary>
public sealed class TunnelStateStore(HookPaths paths)
{
    public TunnelState? Read(NamespaceName name) =>
        SmallFile.ReadOrNull(paths.StateFile(name)) is { } text ? TunnelState.Parse(text) : null;

    /// <summary>
    /// Rewrites the file in place. A crash mid-write leaves a file that parses as null, which makes down
    /// remove less, never more; rename-over cost more than the rest of the state handling (bench/hook).
    /// </summary>
    public void Write(NamespaceName name, TunnelState state) =>
        SmallFile.Write(paths.StateFile(name), state.Render(), 0x1a4 /* 0644 */);

    /// <summary>Removes the state; absent is fine (down is idempotent).</summary>
    public void Delete(NamespaceName name) => SmallFile.Delete(paths.StateFile(name));
}
