namespace Vpnns.Tests.OpenVpn;

/// <summary>
/// A client "host" namespace joined to one server namespace per server by veth pairs (198.18.N.1/30 ↔ 198.18.N.2/30,
/// addresses that exist only inside these namespaces), OpenVPN servers and clients, and the hooks from out/.
/// Clients run with `nsenter --net` so their mount namespace is the real one and the namespaces the hooks
/// create are visible to everyone (reference.md 5.5). Dispose removes everything, also after a failure.
/// </summary>
public sealed class OpenVpnLab : IDisposable
{
    private readonly List<string> _namespaces = [];
    private readonly List<OpenVpnProcess> _processes = [];
    private int _servers;

    public OpenVpnLab()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vpnns-e2e-").FullName;
        // Searchable by everyone: after --user the down hook is executed as nobody. Configs hold no secrets.
        ChildProcess.Run("chmod", "0755", Directory).EnsureSuccess("chmod");
        HookDirectory = System.IO.Path.Combine(Directory, "hooks");
        System.IO.Directory.CreateDirectory(HookDirectory);
        // OpenVPN passes the configured path as argv[0]: the multi-call binary behind the names up and down.
        // A copy, not a link into out/: the checkout may sit under a directory nobody cannot search (mktemp -d,
        // /root), and after --user the down hook is executed as nobody.
        string hook = System.IO.Path.Combine(HookDirectory, "vpnns-hook");
        File.Copy(TestEnvironment.Binary("vpnns-hook"), hook);
        ChildProcess.Run("chmod", "0755", HookDirectory, hook).EnsureSuccess("chmod");
        foreach (string entry in (string[])["up", "down"])
            File.CreateSymbolicLink(System.IO.Path.Combine(HookDirectory, entry), "vpnns-hook");
        HostNamespace = AddNamespace();
    }

    public string Directory { get; }

    public string HookDirectory { get; }

    /// <summary>Where the clients run: stands in for the machine's own network.</summary>
    public string HostNamespace { get; }

    /// <summary>Starts a server in its own namespace and waits until it listens.</summary>
    public LabServer StartServer(ServerOptions options)
    {
        int n = _servers++;
        string ns = AddNamespace();
        string hostEnd = TestNames.Device(), serverEnd = TestNames.Device();
        ChildProcess.Ip("-n", HostNamespace, "link", "add", hostEnd, "type", "veth", "peer", "name", serverEnd, "netns", ns);
        ChildProcess.Ip("-n", HostNamespace, "addr", "add", $"198.18.{n}.1/30", "dev", hostEnd);
        ChildProcess.Ip("-n", ns, "addr", "add", $"198.18.{n}.2/30", "dev", serverEnd);
        ChildProcess.Ip("-n", HostNamespace, "link", "set", hostEnd, "up");
        ChildProcess.Ip("-n", ns, "link", "set", serverEnd, "up");
        var server = new LabServer(ns, $"198.18.{n}.2", $"198.18.{n}.1", options);
        string config = Write($"server{n}.conf", server.Config(TestPki.Dir));
        _processes.Add(OpenVpnProcess.Start(["ip", "netns", "exec", ns], config, Path($"server{n}.log")));
        return server;
    }

    /// <summary>Starts a client with the hooks and waits until its tunnel is up.</summary>
    public LabClient StartClient(LabServer server, ClientOptions? options = null)
    {
        options ??= new ClientOptions();
        string name = TestNames.Namespace();
        _namespaces.Add(name); // the hooks create it; Dispose removes it whatever happened
        var client = new LabClient(name, server, options);
        string config = Write($"client-{name}.conf", client.Config(TestPki.Dir, HookDirectory));
        var process = OpenVpnProcess.Start(["nsenter", $"--net=/run/netns/{HostNamespace}"], config, Path($"client-{name}.log"));
        _processes.Add(process);
        client.Process = process;
        return client;
    }

    private string AddNamespace()
    {
        string name = TestNames.Namespace();
        ChildProcess.Ip("netns", "add", name);
        _namespaces.Add(name);
        ChildProcess.Ip("-n", name, "link", "set", "lo", "up");
        return name;
    }

    private string Path(string file) => System.IO.Path.Combine(Directory, file);

    private string Write(string file, string text)
    {
        File.WriteAllText(Path(file), text);
        return Path(file);
    }

    public void Dispose()
    {
        // Clients first: deleting a namespace under a live tun device makes openvpn spin (reference.md 1.8).
        for (int i = _processes.Count - 1; i >= 0; i--)
            _processes[i].Dispose();
        foreach (string ns in _namespaces)
        {
            Cleanup.Namespace(ns);
            foreach (string suffix in (string[])[".state", ".lock"])
                File.Delete($"/run/vpnns/{ns}{suffix}");
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
