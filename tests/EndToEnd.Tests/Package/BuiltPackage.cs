namespace Vpnns.Tests.Package;

/// <summary>The .deb `make deb` put in out/ (make test builds it before the tests run).</summary>
public static class BuiltPackage
{
    public static string Path
    {
        get
        {
            var newest = new DirectoryInfo(TestEnvironment.OutDir).EnumerateFiles("vpnns_*.deb")
                .OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
            return newest?.FullName ?? throw new InvalidOperationException(
                $"no vpnns_*.deb in {TestEnvironment.OutDir}; run `make deb` first (make test does)");
        }
    }

    /// <summary>The package's version, as dpkg sees it.</summary>
    public static string Version => Field("Version");

    public static string Field(string name) =>
        ChildProcess.Run("dpkg-deb", "-f", Path, name).EnsureSuccess("dpkg-deb -f").Stdout.Trim();

    /// <summary>
    /// A copy of the package with a higher version and otherwise the same content, written to
    /// <paramref name="directory"/>: an upgrade without a second build.
    /// </summary>
    public static string Bumped(string directory, string suffix)
    {
        string tree = System.IO.Path.Combine(directory, "bumped-tree");
        ChildProcess.Run("dpkg-deb", "-R", Path, tree).EnsureSuccess("dpkg-deb -R");
        string control = System.IO.Path.Combine(tree, "DEBIAN", "control");
        string version = Version + suffix;
        File.WriteAllLines(control, File.ReadAllLines(control)
            .Select(line => line.StartsWith("Version: ", StringComparison.Ordinal) ? "Version: " + version : line));
        string deb = System.IO.Path.Combine(directory, $"vpnns_{version}_amd64.deb");
        ChildProcess.Run("dpkg-deb", "--root-owner-group", "-b", tree, deb).EnsureSuccess("dpkg-deb -b");
        ChildProcess.Run("rm", "-rf", tree);
        return deb;
    }
}
