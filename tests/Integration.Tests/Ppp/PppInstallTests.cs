using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Ppp;

/// <summary>
/// What pppd and Debian's run-parts demand of the installed scripts (reference.md 2.5, 2.6): run-parts runs only
/// names of letters, digits, '_' and '-'; pppd 2.5.3 resolves the script's real path and refuses it unless "/" and
/// every component are owned by root and not group- or other-writable, and the file is regular with owner execute.
/// </summary>
public sealed class PppInstallTests : IDisposable
{
    private static readonly string[] Scripts = ["ip-up", "ip-down", "ipv6-up", "ipv6-down"];
    private readonly DirectoryInfo _destdir = Directory.CreateTempSubdirectory("vpnns-install-");

    public void Dispose() => _destdir.Delete(recursive: true);

    private string Root => _destdir.FullName;

    // umask 000 is the worst case a packager's shell can have; the install must not depend on it.
    private void Install() =>
        ChildProcess.Run("/bin/sh", ["-c", "umask 000; exec make -s -C \"$1\" -o all install DESTDIR=\"$2\" OUT=\"$3\"", "sh",
            TestEnvironment.RepoRoot, Root, TestEnvironment.OutDir], environment: null).EnsureSuccess("make install");

    [RootFact]
    public void Run_parts_would_run_each_installed_link()
    {
        Install();
        foreach (var script in Scripts)
        {
            // The links point at /usr/lib/vpnns on the real system, absent here, and run-parts stats each entry:
            // mirror the directory with each entry's name linked to its real path inside DESTDIR.
            string installed = $"{Root}/etc/ppp/{script}.d";
            string mirror = $"{Root}/mirror/{script}.d";
            Directory.CreateDirectory(mirror);
            foreach (var entry in Directory.EnumerateFileSystemEntries(installed))
            {
                string name = Path.GetFileName(entry);
                File.CreateSymbolicLink($"{mirror}/{name}", Root + RealPathUnder(Root, $"/etc/ppp/{script}.d/{name}"));
            }
            Assert.Equal($"{mirror}/vpnns\n", ChildProcess.Run("/usr/bin/run-parts", "--test", mirror).Stdout);
        }
    }

    [RootFact]
    public void Every_installed_ppp_script_passes_pppd_2_5_3_checks()
    {
        Install();
        foreach (var script in Scripts)
        {
            foreach (var installed in (ReadOnlySpan<string>)[$"/usr/lib/vpnns/{script}", $"/etc/ppp/{script}.d/vpnns"])
            {
                string real = RealPathUnder(Root, installed);
                Assert.Equal("/usr/lib/vpnns/vpnns-hook", real);
                AssertPppdWouldRun(installed, real);
            }
        }
    }

    private void AssertPppdWouldRun(string installed, string real)
    {
        string path = Root;
        foreach (var component in real.Split('/', StringSplitOptions.RemoveEmptyEntries).Prepend(""))
        {
            path = component.Length == 0 ? path : path + "/" + component;
            var status = Lstat(path);
            string shown = path[Root.Length..] is { Length: > 0 } p ? p : "/";
            Assert.True(status.Uid == 0, $"Can't safely use {installed} because {shown} is not owned by root");
            Assert.False(status.IsGroupOrWorldWritable, $"Can't safely use {installed} because {shown} is group or other writable");
        }
        var file = Lstat(path);
        Assert.True(file.IsRegularFile, $"{installed}: not a regular file");
        Assert.True((file.Mode & 0x40) != 0, $"{installed}: not executable by root");
    }

    /// <summary>realpath(3) inside a DESTDIR: absolute link targets are read as relative to <paramref name="root"/>.</summary>
    private static string RealPathUnder(string root, string path)
    {
        var pending = new LinkedList<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var resolved = new List<string>();
        for (int links = 0; pending.First is { } next;)
        {
            pending.RemoveFirst();
            string candidate = root + "/" + string.Join('/', resolved.Append(next.Value));
            if (!Lstat(candidate).IsSymlink)
            {
                resolved.Add(next.Value);
                continue;
            }
            Assert.True(++links < 40, "symlink loop at " + candidate);
            string target = new FileInfo(candidate).LinkTarget!;
            if (target.StartsWith('/'))
                resolved.Clear();
            foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                pending.AddFirst(part);
        }
        return "/" + string.Join('/', resolved);
    }

    private static FileStatus Lstat(string path) =>
        LibcCalls.TryStat(path, followSymlinks: false, out var status) == 0 ? status : throw new FileNotFoundException(path);
}
