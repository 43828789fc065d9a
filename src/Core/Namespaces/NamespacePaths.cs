namespace Vpnns.Namespaces;

/// <summary>Where named namespaces live: iproute2's compile-time paths on Debian (reference.md 3.1).</summary>
public sealed record NamespacePaths(string RunDirectory, string EtcDirectory)
{
    /// <summary>The real system locations shared with `ip netns`.</summary>
    public static NamespacePaths System { get; } = new("/run/netns", "/etc/netns");

    public string RunFile(string name) => RunDirectory + "/" + name;

    public string EtcDirectoryOf(string name) => EtcDirectory + "/" + name;
}
