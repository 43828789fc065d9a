using Xunit;

namespace Vpnns.Tests.Package;

public sealed class LintianTests
{
    /// <summary>
    /// Every tag lintian shows, down to pedantic and informational ones, is fixed or overridden with its reason in
    /// debian/vpnns.lintian-overrides. An override left unused is tolerated: one covers contrib/systemd's
    /// vpnns@.service, which a branch may not have yet. Root only because make test builds the .deb as root.
    /// </summary>
    [RootFact]
    public void Package_IsLintianClean()
    {
        var result = ChildProcess.Run("lintian", ["--display-info", "--pedantic", BuiltPackage.Path],
            environment: null, timeout: TimeSpan.FromMinutes(5));
        var tags = result.Stdout.Split('\n')
            .Where(line => line.Length > 2 && line[1] == ':' && "EWIPX".Contains(line[0]))
            .Where(line => !line.Contains(" unused-override ", StringComparison.Ordinal))
            .ToList();
        Assert.True(tags.Count == 0 && result.ExitCode == 0, $"lintian (exit {result.ExitCode}):\n{result.Stdout}{result.Stderr}");
    }
}
