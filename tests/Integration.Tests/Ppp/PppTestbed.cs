using System.Diagnostics;
using Vpnns.Interop;

namespace Vpnns.Tests.Ppp;

/// <summary>
/// A stand-in for a pppd link on a kernel without PPP (reference.md 2.8): a throwaway namespace plays the host pppd
/// runs in, a tun device named like a ppp unit plays the link, and the built hook binary runs inside that namespace
/// (real mount namespace) under pppd's script names with exactly pppd's environment: nothing inherited, no PATH.
/// </summary>
internal sealed class PppTestbed : IDisposable
{
    private static int _units;
    private readonly DirectoryInfo _entries;

    public PppTestbed()
    {
        Host = new IpNetns();
        Name = TestNames.Namespace();
        _entries = Directory.CreateTempSubdirectory("vpnns-ppp-");
        string hook = TestEnvironment.Binary("vpnns-hook");
        foreach (var script in (ReadOnlySpan<string>)["ip-up", "ip-down", "ipv6-up", "ipv6-down"])
        {
            // As installed: /usr/lib/vpnns/ip-up -> vpnns-hook, /etc/ppp/ip-up.d/vpnns -> /usr/lib/vpnns/ip-up.
            File.CreateSymbolicLink(Entry(script), hook);
            Directory.CreateDirectory(RunPartsDirectory(script));
            File.CreateSymbolicLink(Path.Combine(RunPartsDirectory(script), "vpnns"), Entry(script));
        }
    }

    /// <summary>The namespace pppd runs in.</summary>
    public IpNetns Host { get; }

    /// <summary>The namespace the link goes into (the peer file's <c>set VPNNS=</c>).</summary>
    public string Name { get; }

    public string Entry(string script) => Path.Combine(_entries.FullName, script);

    public string RunPartsDirectory(string script) => Path.Combine(_entries.FullName, script + ".d");

    public string ResolvConf => $"/etc/netns/{Name}/resolv.conf";

    /// <summary>A new "ppp unit" in the host namespace: a persistent tun named pppNNN.</summary>
    public string NewLink()
    {
        string device = $"ppp{Environment.ProcessId % 10000}{Interlocked.Increment(ref _units)}";
        ChildProcess.Ip("-n", Host.Name, "tuntap", "add", "dev", device, "mode", "tun");
        return device;
    }

    /// <summary>Runs a program inside the host namespace with exactly <paramref name="env"/>, as pppd would.</summary>
    public ChildProcess.Result RunInHost(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> env) =>
        Wait(StartInHost(program, args, env));

    public Process StartInHost(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("/usr/bin/nsenter")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--net=" + Host.Path);
        psi.ArgumentList.Add("--");
        psi.ArgumentList.Add(program);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (key, value) in env)
            psi.Environment[key] = value;
        return Process.Start(psi)!;
    }

    public static ChildProcess.Result Wait(Process p)
    {
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException("hook did not finish");
            }
            return new ChildProcess.Result(p.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Runs a pppd script entry the way pppd does: its path, six arguments, its variables.</summary>
    public ChildProcess.Result Hook(string script, string[] args, IReadOnlyDictionary<string, string> env) =>
        RunInHost(Entry(script), args, env);

    public string InHost(params string[] ipArgs) => ChildProcess.Ip(["-n", Host.Name, .. ipArgs]);

    public string Inside(params string[] ipArgs) => ChildProcess.Ip(["-n", Name, .. ipArgs]);

    public bool NamespaceExists => File.Exists("/run/netns/" + Name);

    public FileStatus StatOf(string path) =>
        LibcCalls.TryStat(path, followSymlinks: true, out var status) == 0 ? status : throw new FileNotFoundException(path);

    public void Dispose()
    {
        Cleanup.Namespace(Name);
        foreach (var suffix in (ReadOnlySpan<string>)[".state", ".state.new", ".lock"])
            File.Delete($"/run/vpnns/{Name}{suffix}");
        Host.Dispose();
        _entries.Delete(recursive: true);
    }
}
