using Xunit;

namespace Vpnns.Tests.Package;

/// <summary>
/// contrib/bash-completion, sourced into bash after bash-completion's own library the way an interactive shell
/// loads it: COMP_WORDS/COMP_CWORD set as bash would for a command line, the function called, COMPREPLY read.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _namespace = TestNames.Namespace();

    public CompletionTests()
    {
        if (Environment.IsPrivilegedProcess)
            ChildProcess.Ip("netns", "add", _namespace);
    }

    public void Dispose()
    {
        if (Environment.IsPrivilegedProcess)
            ChildProcess.Run("ip", "netns", "delete", _namespace);
    }

    [RootFact]
    public void Vpnnsctl_FirstWord_OffersEveryVerb()
    {
        var offered = Complete("vpnnsctl", "vpnnsctl", "");
        foreach (string verb in (string[])["list", "add", "delete", "set", "identify", "pids", "exec", "monitor", "list-id", "attach", "status", "forward", "help"])
            Assert.Contains(verb, offered);
        Assert.Equal(["status"], Complete("vpnnsctl", "vpnnsctl", "sta"));
    }

    [RootFact]
    public void Vpnnsctl_NamespaceArguments_OfferNamesFromRunNetns()
    {
        string prefix = _namespace[..^1];
        Assert.Contains(_namespace, Complete("vpnnsctl", "vpnnsctl", "delete", prefix));
        Assert.Contains(_namespace, Complete("vpnnsctl", "vpnnsctl", "status", prefix));
        Assert.Contains(_namespace, Complete("vpnnsctl", "vpnnsctl", "exec", "--user", "root", prefix));
        Assert.Equal(["auto"], Complete("vpnnsctl", "vpnnsctl", "set", _namespace, "a"));
        Assert.Empty(Complete("vpnnsctl", "vpnnsctl", "add", prefix)); // a new name: nothing to offer
    }

    [RootFact]
    public void Vpnnsctl_Check_OffersOneNamespaceAndJson()
    {
        Assert.Equal(["check"], Complete("vpnnsctl", "vpnnsctl", "che"));
        Assert.Contains(_namespace, Complete("vpnnsctl", "vpnnsctl", "check", _namespace[..^1]));
        Assert.Empty(Complete("vpnnsctl", "vpnnsctl", "check", _namespace, _namespace[..^1]));
        Assert.Contains("--json", Complete("vpnnsctl", "vpnnsctl", "check", "--"));
    }

    [RootFact]
    public void Vpnnsctl_Options_ArePerVerb()
    {
        Assert.Contains("--force", Complete("vpnnsctl", "vpnnsctl", "delete", "--"));
        Assert.Contains("--json", Complete("vpnnsctl", "vpnnsctl", "status", "--"));
        Assert.DoesNotContain("--json", Complete("vpnnsctl", "vpnnsctl", "delete", "--"));
        Assert.Contains("--user", Complete("vpnnsctl", "vpnnsctl", "exec", "--"));
    }

    [RootFact]
    public void Vpnnsctl_Exec_HandsTheCommandToItsOwnCompletion()
    {
        Assert.Contains("echo", Complete("vpnnsctl", "vpnnsctl", "exec", _namespace, "ech"));
        Assert.Contains("netns", Complete("vpnnsctl", "vpnnsctl", "exec", _namespace, "ip", "net"));
    }

    [RootFact]
    public void VpnnsExec_OffersOptionsThenNamesThenCommands()
    {
        Assert.Contains("--no-new-privs", Complete("vpnns-exec", "vpnns-exec", "--no"));
        Assert.Contains(_namespace, Complete("vpnns-exec", "vpnns-exec", _namespace[..^1]));
        Assert.Contains(_namespace, Complete("vpnns-exec", "vpnns-exec", "--keep-dns", "--user", "root", _namespace[..^1]));
        Assert.Contains("echo", Complete("vpnns-exec", "vpnns-exec", _namespace, "ech"));
        Assert.Contains("echo", Complete("vpnns-exec", "vpnns-exec", "--keep-dns", _namespace, "--", "ech"));
        // Past the command name, the command's own completion (iproute2's for ip) answers.
        Assert.Contains("netns", Complete("vpnns-exec", "vpnns-exec", _namespace, "ip", "net"));
    }

    /// <summary>COMPREPLY for the command line <paramref name="words"/>, the cursor at the end of its last word.</summary>
    private static List<string> Complete(string script, params string[] words)
    {
        const string Driver = """
            . /usr/share/bash-completion/bash_completion
            . "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            fn=$(complete -p "$1" | sed 's/.*-F \([^ ]*\) .*/\1/')
            "$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        string path = Path.Combine(TestEnvironment.RepoRoot, "contrib", "bash-completion", script);
        var result = ChildProcess.Run("bash", ["-c", Driver, "bash", path, .. words], environment: null);
        Assert.True(result.ExitCode == 0, $"completion of `{string.Join(' ', words)}` failed: {result.Stderr}");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
