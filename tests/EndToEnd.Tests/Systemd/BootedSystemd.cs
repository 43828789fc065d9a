using System.Diagnostics;
using System.Text;

namespace Vpnns.Tests.Systemd;

/// <summary>
/// The cached Debian 12 tree (scripts/test-rootfs) booted with systemd-nspawn: a real systemd as PID 1 of its
/// own PID namespace, with its own network namespace (--private-network, so namespaces made inside never touch
/// the host's), /dev/net/tun bound in and a tmpfs overlay over the tree (--volatile=overlay: the cache is never
/// written and every change is gone at power-off). Commands run in all of its namespaces through nsenter.
/// </summary>
public sealed class BootedSystemd : IDisposable
{
    /// <summary>Where <see cref="HostDirectory"/> appears inside (read-only).</summary>
    public const string Shared = "/mnt/vpnns-test";

    // Without systemd as the host's PID 1 nobody hands out cgroups: nspawn is started in a cgroup of its own
    // (in every hierarchy the container's systemd writes to), so the container's tree never mixes with
    // another test's, and removing that cgroup removes all of it. With systemd, nspawn asks it for a scope.
    private const string Starter = """
        set -e
        count=$1; shift
        while [ "$count" -gt 0 ]; do mkdir "$1"; echo $$ > "$1/cgroup.procs"; shift; count=$((count - 1)); done
        exec systemd-nspawn "$@"
        """;

    // Hybrid (v1 + v2 under unified/) as here, or the plain v2 tree.
    private static readonly string[] CgroupHierarchies = File.Exists("/sys/fs/cgroup/cgroup.controllers")
        ? ["/sys/fs/cgroup"]
        : ["/sys/fs/cgroup/unified", "/sys/fs/cgroup/systemd"];

    private readonly Process _nspawn;
    private readonly StringBuilder _console = new();
    private readonly List<string> _cgroups = [];

    public BootedSystemd()
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("the systemd tests need root (systemd-nspawn)");
        string rootfs = ChildProcess.Run("bash", [Path.Combine(TestEnvironment.RepoRoot, "scripts", "test-rootfs")],
                environment: null, timeout: TimeSpan.FromMinutes(15))
            .EnsureSuccess("scripts/test-rootfs").Stdout.Trim();
        Machine = $"vpnns-sd-{Environment.ProcessId:x}-{Random.Shared.Next(0x10000):x4}";
        HostDirectory = Directory.CreateTempSubdirectory("vpnns-systemd-test-").FullName;

        bool hostRunsSystemd = Directory.Exists("/run/systemd/system");
        string[] nspawnArgs =
        [
            "--directory=" + rootfs, "--volatile=overlay", "--boot", "--machine=" + Machine,
            "--private-network", "--register=no", "--console=pipe",
            // The image's own files, not bind mounts from the host: tests rename over /etc/resolv.conf inside.
            "--resolv-conf=off", "--timezone=off",
            "--bind=/dev/net/tun", $"--bind-ro={HostDirectory}:{Shared}",
            // The scope systemd makes for nspawn gets the device; without systemd no device cgroup limits it.
            hostRunsSystemd ? "--property=DeviceAllow=/dev/net/tun rwm" : "--keep-unit",
        ];
        if (!hostRunsSystemd)
            _cgroups.AddRange(CgroupHierarchies.Where(Directory.Exists).Select(h => Path.Combine(h, "vpnns-test-" + Machine)));

        var psi = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string a in (string[])["-c", Starter, "sh", _cgroups.Count.ToString(), .. _cgroups, .. nspawnArgs])
            psi.ArgumentList.Add(a);
        var started = Stopwatch.StartNew();
        _nspawn = Process.Start(psi)!;
        _nspawn.StandardInput.Close();
        _nspawn.OutputDataReceived += (_, e) => Log(e.Data);
        _nspawn.ErrorDataReceived += (_, e) => Log(e.Data);
        _nspawn.BeginOutputReadLine();
        _nspawn.BeginErrorReadLine();
        try
        {
            Leader = WaitForLeader();
            WaitUntilRunning();
            BootTime = started.Elapsed;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The --machine= name (also the container's hostname): unique per fixture.</summary>
    public string Machine { get; }

    /// <summary>A host directory the container sees at <see cref="Shared"/>; removed with the fixture.</summary>
    public string HostDirectory { get; }

    /// <summary>PID (in the host's PID namespace) of the container's systemd.</summary>
    public int Leader { get; }

    /// <summary>From starting systemd-nspawn to `systemctl is-system-running` answering "running".</summary>
    public TimeSpan BootTime { get; }

    /// <summary>Runs a shell command in the container as root (all of its namespaces, a clean environment).</summary>
    public ChildProcess.Result Run(string command, TimeSpan? timeout = null) =>
        ChildProcess.Run("nsenter", ["-t", Leader.ToString(), "-a",
                "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C.UTF-8", "/bin/sh", "-c", command],
            environment: null, timeout: timeout ?? TimeSpan.FromMinutes(2));

    /// <summary>Runs a command that must succeed and returns its standard output.</summary>
    public string Must(string command, TimeSpan? timeout = null)
    {
        var result = Run(command, timeout);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"in {Machine}: `{command}` exited {result.ExitCode}: {result.Stderr.Trim()} {result.Stdout.Trim()}");
    }

    /// <summary>What systemd-nspawn and the container's console printed so far (for failure messages).</summary>
    public string Console
    {
        get { lock (_console) return _console.ToString(); }
    }

    private void Log(string? line)
    {
        if (line is not null)
            lock (_console) _console.AppendLine(line);
    }

    /// <summary>nspawn's child becomes the container's systemd once the container is set up.</summary>
    private int WaitForLeader()
    {
        int leader = 0;
        Poll.Until(() =>
        {
            if (_nspawn.HasExited)
                throw new InvalidOperationException($"systemd-nspawn exited {_nspawn.ExitCode} before booting: {Console}");
            string children = Path.Combine("/proc", _nspawn.Id.ToString(), "task", _nspawn.Id.ToString(), "children");
            foreach (string pid in (File.Exists(children) ? File.ReadAllText(children) : "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string? comm = ReadOrNull($"/proc/{pid}/comm")?.Trim();
                if (comm == "systemd")
                {
                    leader = int.Parse(pid);
                    return true;
                }
            }
            return false;
        }, $"systemd-nspawn to start the container's systemd ({Console})", TimeSpan.FromSeconds(60));
        return leader;
    }

    private void WaitUntilRunning()
    {
        string state = "";
        // The manager's bus socket appears a moment after PID 1 starts; until then systemctl cannot connect.
        Poll.Until(() =>
        {
            var result = Run("systemctl is-system-running --wait");
            state = result.Stdout.Trim();
            return state is "running" or "degraded" or "maintenance" or "stopping";
        }, "the container to finish booting", TimeSpan.FromSeconds(120));
        if (state != "running")
            throw new InvalidOperationException($"the container booted {state}: {Run("systemctl --failed --no-pager").Stdout}");
    }

    private static string? ReadOrNull(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }

    public void Dispose()
    {
        // SIGTERM makes nspawn ask the container's systemd for an orderly power-off; a second signal or
        // SIGKILL ends it at once (the container's processes die with its PID 1).
        if (!_nspawn.HasExited)
        {
            ChildProcess.Run("kill", "-TERM", _nspawn.Id.ToString());
            if (!_nspawn.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                _nspawn.Kill(entireProcessTree: true);
                _nspawn.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        _nspawn.WaitForExit();
        _nspawn.Dispose();
        // The overlay was a tmpfs in nspawn's mount namespace: gone with it. Left: our cgroups (the container's
        // systemd made its tree inside them, empty now) and nspawn's per-machine directory.
        foreach (string cgroup in _cgroups.Where(Directory.Exists))
        {
            foreach (string dir in Directory.EnumerateDirectories(cgroup, "*", SearchOption.AllDirectories)
                         .OrderByDescending(d => d.Length).Append(cgroup))
                Directory.Delete(dir);
        }
        string propagate = Path.Combine("/run/systemd/nspawn/propagate", Machine);
        if (Directory.Exists(propagate))
            Directory.Delete(propagate, recursive: true);
        ChildProcess.Run("rm", "-rf", "--one-file-system", HostDirectory);
    }
}
