using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace Vpnns.Tests.Launcher;

/// <summary>
/// A host whose resolver files the test may rewrite: a copy of /etc in a temporary directory, bound over /etc
/// in a mount namespace made for the test (`unshare -m`). Programs started through <see cref="Start"/> see it
/// as /etc; the test rewrites it through its real path, which reaches the very same dentries, exactly as
/// dhclient or NetworkManager reach the real host's. The machine's own /etc is never written.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FakeHost : IDisposable
{
    public FakeHost()
    {
        Root = Directory.CreateTempSubdirectory("vpnns-host.").FullName;
        File.SetUnixFileMode(Root, (UnixFileMode)0x1ed); // the symlink layouts point users' lookups through it
        ChildProcess.Run("cp", "-a", "/etc", Root + "/etc").EnsureSuccess("cp -a /etc");
        foreach (string dir in new[] { "run/resolvconf", "run/NetworkManager", "run/systemd/resolve" })
            Directory.CreateDirectory(Path.Combine(Root, dir), (UnixFileMode)0x1ed);
    }

    public string Root { get; }

    /// <summary>The fake host's /etc, seen from the test (the real path).</summary>
    public string Etc => Root + "/etc";

    public string Run(string relative) => Root + "/run/" + relative;

    /// <summary>Writes an /etc/netns/NAME file of the fake host (root-owned, 0644).</summary>
    public void WriteNamespaceFile(string ns, string file, string content)
    {
        string dir = Etc + "/netns/" + ns;
        Directory.CreateDirectory(dir, (UnixFileMode)0x1ed);
        File.SetUnixFileMode(Etc + "/netns", (UnixFileMode)0x1ed);
        WriteInPlace(dir + "/" + file, content);
    }

    /// <summary>Truncate and write the same inode, as an editor writing in place or `echo >` does.</summary>
    public static void WriteInPlace(string path, string content)
    {
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, (UnixFileMode)0x1a4);
    }

    /// <summary>Write a new file beside <paramref name="path"/>, then rename() it over: dhclient's and resolved's way.</summary>
    public static void ReplaceByRename(string path, string content)
    {
        string temporary = path + ".vpnns-new";
        WriteInPlace(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Atomically makes <paramref name="path"/> a symlink to <paramref name="target"/> (ln -sf through a rename).</summary>
    public static void ReplaceWithSymlink(string path, string target)
    {
        string temporary = path + ".vpnns-link";
        File.Delete(temporary);
        File.CreateSymbolicLink(temporary, target);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Starts <paramref name="command"/> as root inside the fake host; its stdout lines are collected.</summary>
    public RunningProgram Start(params string[] command) =>
        new(["unshare", "-m", "--propagation", "private", "sh", "-c", "mount --bind \"$0\" /etc && exec \"$@\"", Etc, .. command]);

    public void Dispose()
    {
        ChildProcess.Run("rm", "-rf", "--one-file-system", Root);
    }
}

/// <summary>A program whose output lines arrive while it runs; killed on dispose.</summary>
public sealed class RunningProgram : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public RunningProgram(string[] argv)
    {
        var info = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in argv[1..])
            info.ArgumentList.Add(arg);
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _errors.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Errors => string.Join('\n', _errors);

    /// <summary>Waits until <paramref name="count"/> more lines than <paramref name="seen"/> have arrived.</summary>
    public void WaitForLines(int seen, int count, string what)
    {
        Poll.Until(() => _lines.Count >= seen + count || _process.HasExited,
            $"{what} (have {_lines.Count} lines; stderr: {Errors})", TimeSpan.FromSeconds(60));
        // A program that printed its last line and exited may be seen as exited before that line was
        // delivered: the parameterless wait also waits for the end of the redirected output.
        if (_process.HasExited)
            _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Creates <paramref name="stopFile"/> and waits for the program to end by itself: killing a shell loop
    /// can orphan the child it just forked, and a stray process of a test user confuses later tests.
    /// </summary>
    public void Stop(string stopFile)
    {
        File.WriteAllText(stopFile, "");
        Poll.Until(() => _process.HasExited, "the program to stop", TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
