namespace Vpnns.Tests;

/// <summary>A namespace made by iproute2 for a test, removed on dispose even when the test failed.</summary>
public sealed class IpNetns : IDisposable
{
    public IpNetns()
    {
        Name = TestNames.Namespace();
        ChildProcess.Ip("netns", "add", Name);
    }

    public string Name { get; }

    public string Path => "/run/netns/" + Name;

    public void Dispose() => Cleanup.Namespace(Name);
}

/// <summary>Idempotent removal of things a test created; never touches anything else.</summary>
public static class Cleanup
{
    public static void Namespace(string name)
    {
        string file = "/run/netns/" + name;
        if (File.Exists(file) || Directory.Exists(file))
            ChildProcess.Run("ip", "netns", "delete", name);
        if (File.Exists(file))
            File.Delete(file);
        string etc = "/etc/netns/" + name;
        if (Directory.Exists(etc))
            Directory.Delete(etc, recursive: true);
    }
}
