using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// Serialises hook runs for one namespace name: two connections sharing a name, or a reconnect racing a down,
/// never interleave their steps. Waits for the current holder; released on dispose or when the process dies.
/// </summary>
public sealed class NamespaceLock : IDisposable
{
    private readonly FileDescriptor _fd;

    private NamespaceLock(FileDescriptor fd) => _fd = fd;

    public static NamespaceLock Acquire(HookPaths paths, NamespaceName name)
    {
        LockFile.EnsureDirectory(paths.RunDirectory, 0x1ed /* 0755 */);
        return new NamespaceLock(LockFile.AcquireExclusive(paths.LockFile(name)));
    }

    public void Dispose() => _fd.Dispose();
}
