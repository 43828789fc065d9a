using System.Diagnostics;
using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

/// <summary>The single-instance guard, with the real setuid launcher and programs the test users run outside.</summary>
[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherInstanceGuardTests(InstalledLauncher launcher)
{
    /// <summary>`sleep 600` as <paramref name="user"/> (in the host's network namespace unless started through <paramref name="launcher"/>), killed on dispose.</summary>
    private sealed class SleepingProcess : IDisposable
    {
        private readonly Process _process;

        public SleepingProcess(string user, params string[] launcher)
        {
            var psi = new ProcessStartInfo("setpriv") { UseShellExecute = false };
            foreach (string a in (string[])[.. AsUser(user), .. launcher, "sleep", "600"])
                psi.ArgumentList.Add(a);
            _process = Process.Start(psi)!;
            // setpriv execs sleep in the same process: wait until the pid runs /usr/bin/sleep.
            Poll.Until(() => ExecutableOf(_process.Id) == RealPath("/usr/bin/sleep"), "sleep to start as " + user);
        }

        public int Pid => _process.Id;

        private static string? ExecutableOf(int pid)
        {
            try { return new FileInfo($"/proc/{pid}/exe").ResolveLinkTarget(true)?.FullName; }
            catch (IOException) { return null; }
        }

        private static string RealPath(string path) => new FileInfo(path).ResolveLinkTarget(true)?.FullName ?? path;

        public void Dispose()
        {
            _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }
    }

    [RootFact]
    public void A_program_the_user_runs_outside_is_refused_inside_with_advice()
    {
        using var ns = new LauncherNamespace();
        using var outside = new SleepingProcess(Member);
        var r = launcher.RunAs(Member, ns.Name, "sleep", "1");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal($"vpnns-exec: refusing to start a second instance: \"sleep\" already runs outside this namespace (pid {outside.Pid}) " +
            "and may take over the request, bypassing the VPN; give it a separate profile (e.g. firefox --new-instance --profile DIR) " +
            "or pass --allow-other-instance\n", r.Stderr);
        Assert.Empty(r.Stdout);
    }

    [RootFact]
    public void Allow_other_instance_runs_it_anyway()
    {
        using var ns = new LauncherNamespace();
        using var outside = new SleepingProcess(Member);
        var r = launcher.ScriptAs(Member, $"\"$V\" --allow-other-instance {ns.Name} sleep 1 && echo ran");
        Assert.Equal((0, "ran\n", ""), (r.ExitCode, r.Out, r.Stderr));
    }

    [RootFact]
    public void Another_users_instance_does_not_count()
    {
        using var ns = new LauncherNamespace();
        using var outside = new SleepingProcess(Outsider);
        var r = launcher.ScriptAs(Member, $"\"$V\" {ns.Name} sleep 1 && echo ran");
        Assert.Equal((0, "ran\n", ""), (r.ExitCode, r.Out, r.Stderr));
    }

    [RootFact]
    public void An_instance_already_inside_the_same_namespace_does_not_count()
    {
        using var ns = new LauncherNamespace();
        using var inside = new SleepingProcess(Member, launcher.Path, ns.Name);
        var r = launcher.RunAs(Member, ns.Name, "sleep", "0");
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
    }

    [RootFact]
    public void A_login_shell_running_outside_does_not_count()
    {
        using var ns = new LauncherNamespace();
        // The script itself is bash, running outside as the same user.
        var r = launcher.ScriptAs(Member, $"\"$V\" {ns.Name} bash -c 'echo ran'");
        Assert.Equal((0, "ran\n", ""), (r.ExitCode, r.Out, r.Stderr));
    }
}
