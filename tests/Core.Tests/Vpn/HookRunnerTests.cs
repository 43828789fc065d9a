using System.Collections.Immutable;
using Vpnns.Namespaces;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

/// <summary>OpenVPN's and pppd's hooks share one runner: a down that keeps the namespace behaves the same for both.</summary>
public sealed class HookRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vpnns-runner-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private HookPaths Paths => new(_root + "/run", new NamespacePaths(_root + "/netns", _root + "/etc"));

    public static TheoryData<string> Daemons => new() { "openvpn", "pppd" };

    private static ITunnelEvent KeepingDown(string daemon) => daemon == "openvpn"
        ? new OpenVpnEvent(HookPhase.Down, NamespaceName.Parse("work"), IsRestart: false, "sigterm", DownPolicy.Keep, null, [])
        : new PppEvent(PppScript.IpDown, NamespaceName.Parse("work"), DownPolicy.Keep, IsFinal: true, null, []);

    [Theory]
    [MemberData(nameof(Daemons))]
    public void A_down_that_keeps_the_namespace_touches_nothing_not_even_the_lock(string daemon)
    {
        var output = new StringWriter();
        int code = HookRunner.Run(KeepingDown(daemon), new TunnelOrigin(daemon, "", null, 0), new HookLog(output, "down"), Paths);

        Assert.Equal(0, code);
        Assert.False(Directory.Exists(_root + "/run"), "no lock or state file was made");
        Assert.Contains("keeping the namespace and its files", output.ToString());
    }
}
