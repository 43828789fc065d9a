using System.Runtime.Versioning;
using Vpnns.Interop;

namespace Vpnns.Tests.Launcher;

/// <summary>Group vpnns-NAME with <see cref="InstalledLauncher.Named"/> as its member; deleted on dispose.</summary>
[SupportedOSPlatform("linux")]
public sealed class NamespaceGroup : IDisposable
{
    public NamespaceGroup(string namespaceName)
    {
        Name = "vpnns-" + namespaceName;
        InstalledLauncher.Run("groupadd", Name).Require("groupadd " + Name);
        InstalledLauncher.Run("usermod", "-a", "-G", Name, InstalledLauncher.Named).Require("usermod");
    }

    public string Name { get; }

    public void Dispose() => InstalledLauncher.Run("groupdel", Name);
}

/// <summary>A namespace from iproute2 plus its /etc/netns directory, all removed on dispose.</summary>
[SupportedOSPlatform("linux")]
public sealed class LauncherNamespace : IDisposable
{
    private readonly IpNetns _ns = new();

    public string Name => _ns.Name;

    public string Path => _ns.Path;

    public string EtcDirectory => "/etc/netns/" + Name;

    /// <summary>The namespace's inode, as `readlink /proc/self/ns/net` shows it inside.</summary>
    public string Identity => LibcCalls.TryStat(Path, followSymlinks: true, out var st) == 0
        ? $"net:[{st.Inode}]"
        : throw new InvalidOperationException("cannot stat " + Path);

    /// <summary>Writes /etc/netns/NAME/FILE (root-owned) with <paramref name="mode"/>; returns its path.</summary>
    public string WriteEtcFile(string file, string content, int mode = 0x1a4 /* 0644 */)
    {
        CreateEtcDirectory();
        string path = EtcDirectory + "/" + file;
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, (UnixFileMode)mode);
        return path;
    }

    public string CreateEtcDirectory()
    {
        if (!Directory.Exists("/etc/netns"))
            Directory.CreateDirectory("/etc/netns", (UnixFileMode)0x1ed);
        Directory.CreateDirectory(EtcDirectory, (UnixFileMode)0x1ed);
        File.SetUnixFileMode(EtcDirectory, (UnixFileMode)0x1ed);
        return EtcDirectory;
    }

    public void Dispose() => _ns.Dispose();
}
