using System.Text.RegularExpressions;
using Xunit;

namespace Vpnns.Tests.Package;

/// <summary>The pages `make man` renders from doc/man/*.scd (make test builds them along with the .deb).</summary>
public sealed partial class ManPageTests
{
    public static TheoryData<string> Pages => new() { "vpnnsctl.8", "vpnns-exec.1", "vpnns-hooks.8" };

    [Theory]
    [MemberData(nameof(Pages))]
    public void ManRendersPage_WithoutWarnings(string page)
    {
        var result = Man(page);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string name = page[..page.LastIndexOf('.')];
        Assert.Matches(new Regex($@"^NAME\n       {Regex.Escape(name)}[ ,]", RegexOptions.Multiline), result.Stdout);
    }

    /// <summary>Every verb `vpnnsctl help` lists has its own entry in vpnnsctl(8).</summary>
    [Fact]
    public void VpnnsctlPage_DescribesEveryVerbTheProgramHas()
    {
        string help = ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), "help").EnsureSuccess("vpnnsctl help").Stdout;
        string commands = help[help.IndexOf("Commands:", StringComparison.Ordinal)..];
        var verbs = VerbLine().Matches(commands).SelectMany(m => m.Groups[1].Value.Split(", ")).ToList();
        Assert.Contains("list-id", verbs);
        string page = Man("vpnnsctl.8").Stdout;
        foreach (string verb in verbs.Append("help"))
            Assert.Matches(new Regex($@"^       (?:[a-z-]+, )*{Regex.Escape(verb)}\b", RegexOptions.Multiline), page);
    }

    /// <summary>Every option `vpnns-exec --help` lists is described in vpnns-exec(1).</summary>
    [Fact]
    public void VpnnsExecPage_DescribesEveryOptionTheProgramHas()
    {
        string help = ChildProcess.Run(TestEnvironment.Binary("vpnns-exec"), "--help").EnsureSuccess("vpnns-exec --help").Stdout;
        var options = OptionWord().Matches(help).Select(m => m.Value).Distinct().ToList();
        Assert.Contains("--no-new-privs", options);
        string page = Man("vpnns-exec.1").Stdout;
        foreach (string option in options)
            Assert.Matches(new Regex($@"^       {Regex.Escape(option)}\b", RegexOptions.Multiline), page);
    }

    private static ChildProcess.Result Man(string page)
    {
        string path = Path.Combine(TestEnvironment.OutDir, "man", page);
        Assert.True(File.Exists(path), $"{path} is missing; run `make man` (make test does)");
        // --warnings passes -ww to groff: any warning (bad escape, unknown macro, line overflow) lands on stderr.
        return ChildProcess.Run("man", ["--warnings", "-l", path],
            new Dictionary<string, string?> { ["MANWIDTH"] = "80", ["LC_ALL"] = "C.UTF-8", ["MANPAGER"] = "cat", ["PAGER"] = "cat" });
    }

    // "  list, lst, show        List ..." and "  exec <name> <command>  Run ...": the names before the arguments.
    [GeneratedRegex(@"^  ([a-z-]+(?:, [a-z-]+)*)(?: <|\s{2,})", RegexOptions.Multiline)]
    private static partial Regex VerbLine();

    [GeneratedRegex(@"(?<=^  )-{1,2}[a-z-]+", RegexOptions.Multiline)]
    private static partial Regex OptionWord();
}
