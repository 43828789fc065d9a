using Vpnns.Interop;

namespace Vpnns.Namespaces;

public sealed partial class NamespaceStore
{
    /// <summary>
    /// Whether NAME is, right now, a bind mount of the namespace <paramref name="identity"/> (device and inode of
    /// its nsfs file). stat through the mount sees the namespace's inode; a placeholder or another namespace
    /// under the same name does not match.
    /// </summary>
    public bool Names(string name, FileStatus identity) =>
        LibcCalls.TryStat(Paths.RunFile(name), followSymlinks: false, out var now) == 0 && now.IsSameObject(identity);
}
