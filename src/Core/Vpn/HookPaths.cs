using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// Where the hooks keep their own files: per-name locks and state under a runtime directory (tmpfs, gone after a
/// reboot like the namespaces themselves), next to iproute2's namespace paths.
/// </summary>
public sealed record HookPaths(string RunDirectory, NamespacePaths Namespaces)
{
    public static HookPaths System { get; } = new("/run/vpnns", NamespacePaths.System);

    public string LockFile(NamespaceName name) => $"{RunDirectory}/{name}.lock";

    public string StateFile(NamespaceName name) => $"{RunDirectory}/{name}.state";

    public string EtcDirectory(NamespaceName name) => Namespaces.EtcDirectoryOf(name.Value);

    public string ResolvConf(NamespaceName name) => EtcDirectory(name) + "/resolv.conf";
}
