using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

/// <summary>What a hostile caller or a curious child could try.</summary>
[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherHardeningTests(InstalledLauncher launcher)
{
    [RootFact]
    public void The_child_receives_exactly_the_descriptors_the_caller_passed()
    {
        using var ns = new LauncherNamespace();
        // The script first closes whatever the test host let it inherit, then passes 7 and 9 on.
        var r = launcher.ScriptAs(Member,
            "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" 2>/dev/null; done; " +
            $"exec 7</etc/hostname 9>/dev/null; exec \"$V\" {ns.Name} /bin/sh -c 'ls /proc/$$/fd'");
        Assert.True(r.ExitCode == 0, r.ToString());
        var fds = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Order().ToArray();
        Assert.Equal([0, 1, 2, 7, 9], fds);
    }

    [RootFact]
    public void Sigpipe_is_default_and_the_mask_empty_in_the_child_while_callers_ignores_are_kept()
    {
        using var ns = new LauncherNamespace();
        // The caller (perl, which also ignores SIGFPE) ignores SIGHUP as nohup does and SIGPIPE, on top of
        // whatever it inherited; the child keeps the caller's ignored signals except those the runtime owns.
        var r = launcher.ScriptAs(Member,
            "exec perl -e '$SIG{HUP} = \"IGNORE\"; $SIG{PIPE} = \"IGNORE\"; open(my $f, \"/proc/$$/status\"); " +
            $"print grep {{ /^SigIgn/ }} <$f>; exec @ARGV' \"$V\" {ns.Name} cat /proc/self/status");
        Assert.True(r.ExitCode == 0, r.ToString());
        ulong caller = Convert.ToUInt64(ProcStatus.Field(r.Out, "SigIgn"), 16);
        string child = r.Out[(r.Out.IndexOf('\n') + 1)..];
        Assert.Equal(0x1001UL, caller & 0x1001UL);
        // SIGFPE, SIGSEGV, SIGPIPE and signal 34 are taken over by the .NET runtime before Main; they start at default.
        const ulong runtimeOwned = (1UL << 7) | (1UL << 10) | (1UL << 12) | (1UL << 33);
        Assert.Equal((caller & ~runtimeOwned).ToString("x16"), ProcStatus.Field(child, "SigIgn"));
        Assert.Equal("0000000000000000", ProcStatus.Field(child, "SigBlk"));
    }

    [RootFact]
    public void A_pipeline_inside_ends_by_sigpipe_as_usual()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Member, ns.Name, "sh", "-c", "yes | head -n 1; echo \"${PIPESTATUS:-}\"");
        Assert.Equal((0, "y\n\n"), (r.ExitCode, r.Out));
        r = launcher.RunAs(Member, ns.Name, "bash", "-c", "yes | head -n 1 >/dev/null; echo ${PIPESTATUS[0]}");
        Assert.Equal("141\n", r.Out); // 128 + SIGPIPE
    }

    [RootFact]
    public void Runtime_knobs_in_the_environment_do_not_reach_the_privileged_runtime_but_reach_the_child()
    {
        using var ns = new LauncherNamespace();
        string dump = launcher.Directory + "/dump";
        var r = launcher.ScriptAs(Member,
            $"export DOTNET_GCHeapHardLimit=1000000 DOTNET_DbgEnableMiniDump=1 DOTNET_DbgMiniDumpName={dump} " +
            $"DOTNET_GCgen0size=1 COMPlus_gcServer=1; exec \"$V\" {ns.Name} sh -c 'env | grep -E \"^(DOTNET|COMPlus)_\" | sort'");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        foreach (string v in new[] { "COMPlus_gcServer=1", "DOTNET_DbgEnableMiniDump=1", $"DOTNET_DbgMiniDumpName={dump}",
                     "DOTNET_GCHeapHardLimit=1000000", "DOTNET_GCgen0size=1" })
            Assert.Contains(v, r.Out.Split('\n'));
        Assert.False(File.Exists(dump));
    }

    [RootFact]
    public void The_setuid_start_re_executes_itself_without_any_runtime_knob()
    {
        using var ns = new LauncherNamespace();
        string log = launcher.Directory + "/strace.log";
        // A root tracer keeps the setuid bit effective; every execve with its environment is logged.
        Run("strace", ["-f", "-qq", "-e", "trace=execve", "-v", "-s", "256", "-o", log, "setpriv", .. AsUser(Member),
            "env", "DOTNET_GCgen0size=1", launcher.Path, ns.Name, "/bin/true"]).Require("strace");
        var execs = File.ReadAllLines(log).Where(l => l.Contains("execve(")).ToArray();
        var reexec = Assert.Single(execs, l => l.Contains("execve(\"/proc/self/exe\""));
        Assert.DoesNotContain("\"DOTNET_", reexec);
        Assert.Contains("\"VPNNS_EXEC_CARRIED_DOTNET_GCgen0size=1\"", reexec);
        Assert.Contains("\"VPNNS_EXEC_REEXECUTED=1\"", reexec);
        var child = Assert.Single(execs, l => l.Contains("execve(\"/bin/true\""));
        Assert.Contains("\"DOTNET_GCgen0size=1\"", child);
        Assert.DoesNotContain("VPNNS_EXEC", child);
    }

    [RootFact]
    public void Ld_preload_is_not_honoured_while_privileged_but_passed_to_the_child()
    {
        using var ns = new LauncherNamespace();
        string dir = launcher.Directory, source = dir + "/evil.c", library = dir + "/evil.so", marker = dir + "/ran-as-root";
        File.WriteAllText(source, $$"""
            #include <fcntl.h>
            #include <unistd.h>
            __attribute__((constructor)) static void evil(void) {
                if (geteuid() == 0) close(open("{{marker}}", O_CREAT | O_WRONLY, 0644));
            }
            """);
        Run("gcc", "-shared", "-fPIC", "-o", library, source).Require("gcc");
        File.SetUnixFileMode(library, (UnixFileMode)0x1ed);
        var r = launcher.ScriptAs(Member, $"LD_PRELOAD={library} exec \"$V\" {ns.Name} sh -c 'echo $LD_PRELOAD'");
        Assert.Equal((0, library + "\n"), (r.ExitCode, r.Out));
        Assert.False(File.Exists(marker), "the preloaded library ran as root");
    }

    [RootFact]
    public void Debug_settings_never_produce_a_stack_trace_and_vpnns_settings_are_ignored()
    {
        var r = launcher.ScriptAs(Outsider, "VPNNS_DEBUG=1 VPNNS_NAME=x exec \"$V\" vpnnst-absent id");
        Assert.Equal(125, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(" at ", r.Stderr);
    }

    [RootFact]
    public void The_child_cannot_regain_root()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.RunAs(Member, ns.Name, "sh", "-c",
            "setpriv --reuid=0 id -u; echo setpriv=$?; su -c 'id -u' root </dev/null; echo su=$?; " +
            "nsenter --net=/proc/1/ns/net id -u; echo nsenter=$?");
        Assert.Contains("setpriv=1", r.Out);
        Assert.Contains("su=1", r.Out);
        Assert.Contains("nsenter=1", r.Out);
        Assert.DoesNotContain("\n0\n", "\n" + r.Out);
    }

    [RootFact]
    public void With_no_new_privs_a_setuid_program_inside_does_not_elevate()
    {
        using var ns = new LauncherNamespace();
        string id = launcher.Directory + "/id-setuid";
        File.Copy("/usr/bin/id", id, overwrite: true);
        File.SetUnixFileMode(id, (UnixFileMode)0x9ed); // 4755 root
        string uid = ProcStatus.Id("-u", Member);
        Assert.Equal("0\n", launcher.RunAs(Member, ns.Name, id, "-u").Out);           // the contrast: setuid works...
        Assert.Equal(uid + "\n", launcher.RunAs(Member, "--no-new-privs", ns.Name, id, "-u").Out); // ...until forbidden
    }
}
