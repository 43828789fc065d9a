using Xunit;

namespace Vpnns.Tests.Package;

public sealed class LintianTests
{
    /// <summary>Every tag lintian shows, down to pedantic and informational, is fixed or overridden with a reason.</summary>
    [RootFact]
    public void Package_IsLintianClean()
    {
        var result = ChildProcess.Run("lintian", ["--display-info", "--pedantic", "--fail-on", "error,warning,info,pedantic", BuiltPackage.Path],
            environment: null, timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0 && result.Stdout.Trim().Length == 0, $"lintian: {result.Stdout}{result.Stderr}");
    }
}
