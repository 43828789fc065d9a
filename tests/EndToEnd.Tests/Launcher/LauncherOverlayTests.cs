using System.Runtime.Versioning;
using System.Net.Sockets;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherOverlayTests(InstalledLauncher launcher)
{
    [RootFact]
    public void The_namespaces_resolv_conf_is_seen_as_etc_resolv_conf()
    {
        using var ns = new LauncherNamespace();
        ns.WriteEtcFile("resolv.conf", "nameserver 192.0.2.53\n");
        var r = launcher.RunAs(Member, ns.Name, "cat", "/etc/resolv.conf");
        Assert.Equal((0, "nameserver 192.0.2.53\n", ""), (r.ExitCode, r.Out, r.Stderr));
    }

    [RootFact]
    public void A_root_owned_directory_is_bound_with_its_contents()
    {
        using var ns = new LauncherNamespace();
        ns.CreateEtcDirectory();
        Directory.CreateDirectory(ns.EtcDirectory + "/ssl", (UnixFileMode)0x1ed);
        File.WriteAllText(ns.EtcDirectory + "/ssl/vpnns-test", "inside\n");
        File.SetUnixFileMode(ns.EtcDirectory + "/ssl/vpnns-test", (UnixFileMode)0x1a4);
        var r = launcher.RunAs(Member, ns.Name, "cat", "/etc/ssl/vpnns-test");
        Assert.Equal((0, "inside\n"), (r.ExitCode, r.Out));
    }

    [RootFact]
    public void An_entry_without_an_etc_counterpart_is_added()
    {
        using var ns = new LauncherNamespace();
        ns.WriteEtcFile("vpnnst-no-such-file", "x\n");
        var r = launcher.RunAs(Member, ns.Name, "cat", "/etc/vpnnst-no-such-file");
        Assert.Equal((0, "x\n", ""), (r.ExitCode, r.Out, r.Stderr));
        Assert.False(File.Exists("/etc/vpnnst-no-such-file"));
    }

    private void AssertRefused(LauncherNamespace ns, string path, string problem)
    {
        var r = launcher.RunAs(Member, ns.Name, "echo", "ran");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal($"vpnns-exec: refusing to bind ({problem}): {path}\n", r.Stderr);
        Assert.Empty(r.Stdout);
    }

    [RootTheory]
    [InlineData(0x1b4)] // 0664
    [InlineData(0x1a6)] // 0646
    public void A_file_writable_by_group_or_others_is_refused(int mode)
    {
        using var ns = new LauncherNamespace();
        string path = ns.WriteEtcFile("resolv.conf", "nameserver 192.0.2.53\n", mode);
        AssertRefused(ns, path, "writable by group or others");
    }

    [RootFact]
    public void A_file_owned_by_a_user_is_refused()
    {
        using var ns = new LauncherNamespace();
        string path = ns.WriteEtcFile("resolv.conf", "nameserver 192.0.2.53\n");
        Run("chown", Member, path).Require("chown");
        AssertRefused(ns, path, "not owned by root");
    }

    [RootFact]
    public void A_symlink_is_refused_even_to_a_safe_file()
    {
        using var ns = new LauncherNamespace();
        ns.CreateEtcDirectory();
        File.CreateSymbolicLink(ns.EtcDirectory + "/hosts", "/etc/hosts");
        AssertRefused(ns, ns.EtcDirectory + "/hosts", "symbolic link");
    }

    [RootFact]
    public void A_user_writable_file_deep_inside_a_bound_directory_is_refused()
    {
        using var ns = new LauncherNamespace();
        ns.CreateEtcDirectory();
        Directory.CreateDirectory(ns.EtcDirectory + "/ssl/private", (UnixFileMode)0x1ed);
        string path = ns.EtcDirectory + "/ssl/private/key";
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, (UnixFileMode)0x1b6); // 0666
        AssertRefused(ns, path, "writable by group or others");
    }

    [RootFact]
    public void The_namespace_directory_itself_must_be_root_owned()
    {
        using var ns = new LauncherNamespace();
        ns.WriteEtcFile("resolv.conf", "nameserver 192.0.2.53\n");
        Run("chown", Member, ns.EtcDirectory).Require("chown");
        AssertRefused(ns, ns.EtcDirectory, "not owned by root");
    }

    [RootTheory]
    [InlineData("/var/run/nscd/socket")]
    [InlineData("/run/systemd/resolve/io.systemd.Resolve")]
    [InlineData("/var/run/avahi-daemon/socket")]
    public void Host_resolver_sockets_are_hidden_unless_keep_dns(string socketPath)
    {
        using var ns = new LauncherNamespace();
        using var daemon = new FakeSocket(socketPath);
        string probe = $"if [ -S {socketPath} ]; then echo socket; else echo hidden; fi";
        var masked = launcher.RunAs(Member, ns.Name, "sh", "-c", probe);
        Assert.Equal((0, "hidden\n"), (masked.ExitCode, masked.Out));
        var kept = launcher.RunAs(Member, "--keep-dns", ns.Name, "sh", "-c", probe);
        Assert.Equal((0, "socket\n"), (kept.ExitCode, kept.Out));
        Assert.True(File.Exists(socketPath) || new FileInfo(socketPath).Exists, "the host still has its socket");
    }

    /// <summary>A daemon restart unlinks and re-binds its socket; a mask over the socket itself would be detached by that.</summary>
    [RootFact]
    public void A_resolver_socket_re_created_after_the_launch_stays_hidden()
    {
        const string socketPath = "/var/run/nscd/socket";
        using var ns = new LauncherNamespace();
        using var daemon = new FakeSocket(socketPath);
        string go = Path.Combine(launcher.Directory, "go-" + ns.Name);
        using var program = new RunningProgram(["setpriv", .. AsUser(Member), launcher.Path, ns.Name, "sh", "-c",
            $"echo started; while [ ! -e {go} ]; do sleep 0.05; done; if [ -S {socketPath} ]; then echo socket; else echo hidden; fi"]);
        program.WaitForLines(0, 1, "the program to start");
        daemon.Recreate();
        File.WriteAllText(go, "");
        program.WaitForLines(1, 1, "the program's look at the socket");
        File.Delete(go);
        Assert.Equal(["started", "hidden"], program.Lines);
    }

    /// <summary>
    /// A socket file at a resolver's path, unless one exists; removes what it created. Bound but not
    /// listening: host lookups made meanwhile (setpriv's initgroups) get ECONNREFUSED at once instead of
    /// waiting for a daemon that never answers.
    /// </summary>
    private sealed class FakeSocket : IDisposable
    {
        private Socket? _socket;
        private readonly string _path;
        private readonly string? _createdDirectory;

        public FakeSocket(string path)
        {
            _path = path;
            if (File.Exists(path))
                return;
            string dir = Path.GetDirectoryName(path)!;
            for (string? d = dir; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
                _createdDirectory = d; // the topmost directory we are about to create
            Directory.CreateDirectory(dir, (UnixFileMode)0x1ed);
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.Bind(new UnixDomainSocketEndPoint(path));
        }

        /// <summary>What a restarting daemon does: unlink the socket and bind a new one at the same path.</summary>
        public void Recreate()
        {
            if (_socket is null)
                throw new InvalidOperationException("a real daemon's socket is at " + _path + "; not touching it");
            _socket.Dispose();
            File.Delete(_path);
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.Bind(new UnixDomainSocketEndPoint(_path));
        }

        public void Dispose()
        {
            if (_socket is null)
                return;
            _socket.Dispose();
            File.Delete(_path);
            if (_createdDirectory is not null)
                Directory.Delete(_createdDirectory, recursive: true);
        }
    }
}
