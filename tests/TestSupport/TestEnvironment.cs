namespace Vpnns.Tests;

/// <summary>Where the tests find what the build produced.</summary>
public static class TestEnvironment
{
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The repository root (the directory holding vpnns.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The NativeAOT binaries built by `make` (override with VPNNS_OUT).</summary>
    public static string OutDir =>
        Environment.GetEnvironmentVariable("VPNNS_OUT") is { Length: > 0 } dir ? dir : Path.Combine(RepoRoot, "out");

    public static string Binary(string name)
    {
        string path = Path.Combine(OutDir, name);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing; run `make` first (make test does)");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "vpnns.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find vpnns.sln above " + AppContext.BaseDirectory);
    }
}
