using System.Diagnostics;
using System.Runtime.Versioning;

namespace Vpnns.Tests.Launcher;

/// <summary>
/// Real DNS servers (dnsmasq) inside a throwaway namespace, each answering probe.test with an address of its
/// own, so a lookup's answer says which server was asked. All of them are reachable from inside: a program
/// that falls back to the host's server gets the host's answer instead of a timeout, which is what a user
/// on a real machine would (not) notice.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DnsResponders : IDisposable
{
    public const string ProbeName = "probe.test";

    /// <summary>Server address → the answer it gives for <see cref="ProbeName"/>.</summary>
    public static readonly (string Server, string Answer) VpnServer = ("198.18.0.53", "10.11.11.11");
    public static readonly (string Server, string Answer) HostServer = ("198.19.0.53", "10.22.22.22");
    public static readonly (string Server, string Answer) VpnAfterReconnect = ("198.20.0.53", "10.33.33.33");

    private readonly List<Process> _servers = [];

    public DnsResponders(string ns)
    {
        ChildProcess.Ip("-n", ns, "link", "set", "lo", "up");
        foreach (var (server, answer) in new[] { VpnServer, HostServer, VpnAfterReconnect })
        {
            ChildProcess.Ip("-n", ns, "addr", "add", server + "/32", "dev", "lo");
            var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardError = true };
            foreach (string arg in new[] { "netns", "exec", ns, "dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null",
                         "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=" + server, "--port=53",
                         "--address=/" + ProbeName + "/" + answer, "--user=root", "--pid-file=", "--log-facility=/dev/null" })
                info.ArgumentList.Add(arg);
            _servers.Add(Process.Start(info)!);
        }
        // dnsmasq binds after it starts: a lookup before that times out, and a test would read "no answer"
        // as a leak or a failure. Wait until all three listen.
        Poll.Until(() =>
        {
            string listening = ChildProcess.Run("ip", "netns", "exec", ns, "ss", "-Hlun").Stdout;
            return new[] { VpnServer, HostServer, VpnAfterReconnect }.All(s => listening.Contains(s.Server + ":53", StringComparison.Ordinal));
        }, "the DNS responders to listen");
    }

    public static string ResolvConf((string Server, string Answer) of) => $"nameserver {of.Server}\noptions timeout:1 attempts:1\n";

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
            server.WaitForExit();
            server.Dispose();
        }
    }
}
