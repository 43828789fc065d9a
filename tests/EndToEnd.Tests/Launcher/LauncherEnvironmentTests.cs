using System.Runtime.Versioning;
using System.Text;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

/// <summary>What COMMAND receives: arguments, environment, directory, PATH lookup, exit status.</summary>
[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherEnvironmentTests(InstalledLauncher launcher)
{
    private static byte[] Nul(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (object p in parts)
        {
            bytes.AddRange(p is byte[] b ? b : Encoding.UTF8.GetBytes((string)p));
            bytes.Add(0);
        }
        return [.. bytes];
    }

    [RootFact]
    public void Arguments_arrive_byte_for_byte_including_invalid_utf8_and_empty_ones()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.ScriptAs(Member,
            $"exec \"$V\" {ns.Name} /bin/sh -c 'cat /proc/$$/cmdline' sh $'\\xff\\xfe' 'a b' '' $'new\\nline'");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(Nul("/bin/sh", "-c", "cat /proc/$$/cmdline", "sh", new byte[] { 0xff, 0xfe }, "a b", "", "new\nline"), r.Stdout);
    }

    [RootFact]
    public void The_environment_arrives_byte_for_byte_including_what_glibc_strips_from_setuid_programs()
    {
        using var ns = new LauncherNamespace();
        var r = launcher.ScriptAs(Member,
            "exec env -i A=1 $'WEIRD=\\xff\\x01' LD_LIBRARY_PATH=/nonexistent TMPDIR=/t LOCALDOMAIN=example.org " +
            "DOTNET_gcServer=1 VPNNS_EXEC_CARRIED_X=2 PATH=/usr/bin:/bin LANG=C.UTF-8 " +
            $"\"$V\" {ns.Name} /bin/sh -c 'cat /proc/$$/environ'");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(Nul("A=1", new byte[] { 0x57, 0x45, 0x49, 0x52, 0x44, 0x3d, 0xff, 0x01 }, "LD_LIBRARY_PATH=/nonexistent",
            "TMPDIR=/t", "LOCALDOMAIN=example.org", "DOTNET_gcServer=1", "VPNNS_EXEC_CARRIED_X=2", "PATH=/usr/bin:/bin",
            "LANG=C.UTF-8"), r.Stdout);
    }

    [RootFact]
    public void The_working_directory_is_kept_even_when_its_name_is_not_utf8()
    {
        using var ns = new LauncherNamespace();
        string dir = $"{launcher.Directory}/$'cwd\\xff'";
        Run("bash", "-c", $"mkdir -p -m 0755 {dir}").Require("mkdir");
        var r = launcher.ScriptAs(Member, $"cd {dir} && exec \"$V\" {ns.Name} /bin/pwd -P");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal([.. Encoding.UTF8.GetBytes(launcher.Directory + "/cwd"), 0xff, (byte)'\n'], r.Stdout);
    }

    [RootFact]
    public void The_command_is_found_in_the_callers_path_like_execvp()
    {
        using var ns = new LauncherNamespace();
        string bin1 = launcher.Directory + "/bin1", bin2 = launcher.Directory + "/bin2";
        Directory.CreateDirectory(bin1, (UnixFileMode)0x1ed);
        Directory.CreateDirectory(bin2, (UnixFileMode)0x1ed);
        File.WriteAllText(bin1 + "/vpnnst-hello", "#!/bin/sh\necho not-executable\n");       // 0644: skipped
        File.WriteAllText(bin2 + "/vpnnst-hello", "#!/bin/sh\necho \"hello from bin2 $1\"\n");
        File.SetUnixFileMode(bin1 + "/vpnnst-hello", (UnixFileMode)0x1a4);
        File.SetUnixFileMode(bin2 + "/vpnnst-hello", (UnixFileMode)0x1ed);
        File.WriteAllText(bin2 + "/vpnnst-noshebang", "echo via sh\n");
        File.SetUnixFileMode(bin2 + "/vpnnst-noshebang", (UnixFileMode)0x1ed);

        var r = launcher.ScriptAs(Member, $"PATH={bin1}:{bin2}:/usr/bin:/bin exec \"$V\" {ns.Name} vpnnst-hello x");
        Assert.Equal((0, "hello from bin2 x\n"), (r.ExitCode, r.Out));
        r = launcher.ScriptAs(Member, $"PATH={bin2}:/usr/bin:/bin exec \"$V\" {ns.Name} vpnnst-noshebang");
        Assert.Equal((0, "via sh\n"), (r.ExitCode, r.Out));
        r = launcher.ScriptAs(Member, $"PATH={bin1}:/usr/bin:/bin exec \"$V\" {ns.Name} vpnnst-hello");
        Assert.Equal((126, "vpnns-exec: cannot run \"vpnnst-hello\": Permission denied\n"), (r.ExitCode, r.Stderr));
    }

    [RootFact]
    public void Exit_status_is_the_commands_own_or_126_or_127()
    {
        using var ns = new LauncherNamespace();
        Assert.Equal(42, launcher.RunAs(Member, ns.Name, "sh", "-c", "exit 42").ExitCode);
        Assert.Equal(128 + 15, launcher.RunAs(Member, ns.Name, "sh", "-c", "kill -TERM $$").ExitCode);
        var missing = launcher.ScriptAs(Member, $"PATH=/usr/bin:/bin exec \"$V\" {ns.Name} vpnnst-no-such-command");
        Assert.Equal((127, "vpnns-exec: cannot run \"vpnnst-no-such-command\": No such file or directory\n"),
            (missing.ExitCode, missing.Stderr));
        var notExecutable = launcher.RunAs(Member, ns.Name, "/etc/passwd");
        Assert.Equal((126, "vpnns-exec: cannot run \"/etc/passwd\": Permission denied\n"),
            (notExecutable.ExitCode, notExecutable.Stderr));
        var directory = launcher.RunAs(Member, ns.Name, "/etc");
        Assert.Equal(126, directory.ExitCode);
    }

    [RootFact]
    public void A_program_only_root_may_read_is_not_executable_for_the_user()
    {
        using var ns = new LauncherNamespace();
        string secret = launcher.Directory + "/root-only";
        File.WriteAllText(secret, "#!/bin/sh\necho ran\n");
        File.SetUnixFileMode(secret, (UnixFileMode)0x1c0); // 0700 root
        var r = launcher.RunAs(Member, ns.Name, secret);
        Assert.Equal(126, r.ExitCode);
        Assert.Equal("ran\n", launcher.RunAsRoot(ns.Name, secret).Out);
    }
}
