namespace Vpnns.Tests.OpenVpn;

/// <summary>A throwaway PKI made once per test run by scripts/openvpn-test-pki (EC keys: fast), removed at exit.</summary>
internal static class TestPki
{
    private static readonly Lazy<string> Directory = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Dir => Directory.Value;

    private static string Create()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"vpnns-e2e-pki-{Environment.ProcessId}");
        ChildProcess.Run("bash", Path.Combine(TestEnvironment.RepoRoot, "scripts", "openvpn-test-pki"), dir)
            .EnsureSuccess("openvpn-test-pki");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(dir, recursive: true);
        return dir;
    }
}
