using System.Runtime.Versioning;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace Vpnns.Tests.Launcher;

/// <summary>What one run printed and how it ended; stdout kept as bytes (it may not be UTF-8).</summary>
[SupportedOSPlatform("linux")]
public sealed record LaunchResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string Out => Encoding.UTF8.GetString(Stdout);

    public override string ToString() => $"exit {ExitCode}, stdout {Out.Trim()}, stderr {Stderr.Trim()}";
}

/// <summary>
/// A setuid-root copy of the built vpnns-exec in a fresh directory every user can reach, plus the test
/// accounts (scripts/test-users). Runs commands as those users through setpriv, which changes nothing
/// else (environment, descriptors, signal dispositions stay as the test gave them).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class InstalledLauncher : IDisposable
{
    public const string Member = "vpnnst-member";      // in group vpnns
    public const string Named = "vpnnst-named";        // in per-namespace groups the tests create
    public const string Outsider = "vpnnst-outsider";  // in no vpnns group

    public InstalledLauncher()
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("the launcher tests need root");
        Run("bash", System.IO.Path.Combine(TestEnvironment.RepoRoot, "scripts", "test-users")).Require("scripts/test-users");
        Directory = System.IO.Directory.CreateTempSubdirectory("vpnns-exec-test-").FullName;
        File.SetUnixFileMode(Directory, (UnixFileMode)0x1ed); // 0755: every test user must reach the binary
        Path = System.IO.Path.Combine(Directory, "vpnns-exec");
        File.Copy(TestEnvironment.Binary("vpnns-exec"), Path);
        File.SetUnixFileMode(Path, (UnixFileMode)0x9ed);      // 4755 root:root
        string options = Run("findmnt", "-n", "-o", "OPTIONS", "-T", Directory).Require("findmnt").Out;
        if (options.Split(',').Contains("nosuid"))
            throw new InvalidOperationException($"{Directory} is on a nosuid mount: {options}");
    }

    /// <summary>A directory (0755, root) every test user can read; removed with the fixture.</summary>
    public string Directory { get; }

    /// <summary>The installed setuid copy.</summary>
    public string Path { get; }

    /// <summary>Runs vpnns-exec ARGS as <paramref name="user"/> (with the user's groups from the database).</summary>
    public LaunchResult RunAs(string user, params string[] args) => Run("setpriv", [.. AsUser(user), Path, .. args]);

    /// <summary>Runs a bash script as <paramref name="user"/>; "$V" in it is the installed vpnns-exec.</summary>
    public LaunchResult ScriptAs(string user, string script) =>
        Run("setpriv", [.. AsUser(user), "/bin/bash", "-c", script, "bash"], new() { ["V"] = Path });

    public LaunchResult RunAsRoot(params string[] args) => Run(Path, args);

    public static string[] AsUser(string user) => ["--reuid=" + user, "--regid=" + user, "--init-groups", "--"];

    public static LaunchResult Run(string file, IEnumerable<string> args, Dictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? [])
            psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        copy.Wait();
        return new LaunchResult(p.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public static LaunchResult Run(string file, params string[] args) => Run(file, args, null);

    // rm, not Directory.Delete: tests leave names that are not valid UTF-8 in there.
    public void Dispose() => Run("rm", "-rf", "--", Directory);
}

[SupportedOSPlatform("linux")]
public static class LaunchResultExtensions
{
    public static LaunchResult Require(this LaunchResult r, string what) =>
        r.ExitCode == 0 ? r : throw new InvalidOperationException($"{what}: {r}");
}

[CollectionDefinition(Name)]
[SupportedOSPlatform("linux")]
public sealed class LauncherCollection : ICollectionFixture<InstalledLauncher>
{
    // One installed copy for all launcher tests; they run one after another (they add and remove groups).
    public const string Name = "installed launcher";
}
