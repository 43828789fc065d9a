using Xunit;
using Xunit.Abstractions;

namespace Vpnns.Tests.Systemd;

/// <summary>
/// The systemd integration on a real booted systemd (a Debian 12 container, see <see cref="SystemdVpnLab"/>):
/// the drop-ins and templates the package ships, used as README and contrib/systemd/README.md say.
/// </summary>
[Collection(SystemdCollection.Name)]
public sealed class SystemdIntegrationTests(SystemdVpnLab lab, ITestOutputHelper output)
{
    private const string Template = "vpnns@work.service";
    private const string Online = "vpnns-online@work.service";
    private const string Client = "openvpn-client@work.service";

    private BootedSystemd Box => lab.Container;

    [RootFact]
    public void TheNamespaceTheVpnUnitMade_IsVisibleToEveryUnitAndShell()
    {
        output.WriteLine($"container {Box.Machine} booted in {Box.BootTime.TotalSeconds:F1} s");
        // A shell of its own and a unit of its own (a fresh transient service) both see it.
        Assert.Contains("work", Lines(Box.Must("ip netns list")).Select(FirstWord));
        Assert.Contains("work", Lines(Box.Must("systemd-run --quiet --wait --pipe ip netns list")).Select(FirstWord));
        Assert.Equal("nsfs", Box.Must("stat -f -c %T /run/netns/work").Trim());
        // vpnnsctl status names the OpenVPN of that unit as what put the VPN there.
        Assert.Contains($"vpn openvpn work.conf pid {lab.MainPid(Client)} ", Box.Must("vpnnsctl status work"));
    }

    [RootFact]
    public void VpnnsExec_RunsAMemberOfGroupVpnnsInside_AndRefusesOthers()
    {
        string inside = Box.Must($"runuser -u {SystemdVpnLab.User} -- vpnns-exec work sh -c " +
            $"'id -un; ip netns identify; cat /etc/resolv.conf; ping -c1 -W2 {SystemdVpnLab.ServerTunnelAddress} >/dev/null && echo reached'");
        var lines = Lines(inside);
        Assert.Equal(SystemdVpnLab.User, lines[0]);
        Assert.Equal("work", lines[1]);
        Assert.Contains($"nameserver {SystemdVpnLab.ServerTunnelAddress}", lines);
        Assert.Equal("reached", lines[^1]);

        var refused = Box.Run($"runuser -u {SystemdVpnLab.Outsider} -- vpnns-exec work true");
        Assert.Equal(125, refused.ExitCode);
        Assert.Contains("permission denied", refused.Stderr);
    }

    [RootFact]
    public void AServiceWithTheDropIn_ReachesTheVpnSideOnly()
    {
        int pid = lab.MainPid(SystemdVpnLab.Probe);
        Assert.Equal("work", Box.Must($"ip netns identify {pid}").Trim());
        Assert.Contains($"nameserver {SystemdVpnLab.ServerTunnelAddress}", Box.Must($"cat /proc/{pid}/root/etc/resolv.conf"));
        // The probe's ExecStartPre= lines ran inside and logged what they could reach.
        string[] journal = [];
        Poll.Until(() => (journal = Lines(Box.Must($"journalctl --no-pager -o cat -u {SystemdVpnLab.Probe}"))).Any(l => l.Contains(SystemdVpnLab.HostSideAddress)),
            "the probe's reachability lines in the journal");
        Assert.Contains($"reached {SystemdVpnLab.ServerTunnelAddress}", journal);
        Assert.Contains($"cannot reach {SystemdVpnLab.HostSideAddress}", journal);
        Assert.DoesNotContain($"reached {SystemdVpnLab.HostSideAddress}", journal);
    }

    [RootFact]
    public void Template_RunsTheConfiguredCommandInside_AsTheConfiguredUser_WithTheVpnsResolvConf()
    {
        int pid = lab.MainPid(Template);
        Assert.Equal(SystemdVpnLab.User, Box.Must($"ps -o user= -p {pid}").Trim());
        Assert.Equal("sleep infinity", Box.Must($"ps -o args= -p {pid}").Trim());
        Assert.Equal("work", Box.Must($"ip netns identify {pid}").Trim());
        Assert.Equal("CapEff:\t0000000000000000", Box.Must($"grep ^CapEff /proc/{pid}/status").Trim());
        string journal = "";
        Poll.Until(() => (journal = Box.Must($"journalctl --no-pager -o cat -u {Template}")).Contains("nameserver"),
            "the template command's output in the journal");
        Assert.Contains($"{SystemdVpnLab.User}\nwork\n", journal);
        Assert.Contains($"nameserver {SystemdVpnLab.ServerTunnelAddress}\nsearch vpn.example", journal);
    }

    [RootFact]
    public void HostRenamingOverResolvConf_DetachesTheDropInsBindMount_ButNotTheTemplatesView()
    {
        string vpn = $"nameserver {SystemdVpnLab.ServerTunnelAddress}";
        int probe = lab.MainPid(SystemdVpnLab.Probe), template = lab.MainPid(Template);
        Assert.Contains(vpn, Box.Must($"cat /proc/{probe}/root/etc/resolv.conf"));
        Assert.Contains(vpn, Box.Must($"cat /proc/{template}/root/etc/resolv.conf"));

        // What dhclient, NetworkManager, resolvconf and systemd-resolved do on the (container's) host side.
        string saved = Box.Must("cat /etc/resolv.conf");
        Box.Must("printf 'nameserver 192.0.2.53\\n' > /etc/resolv.conf.new && mv /etc/resolv.conf.new /etc/resolv.conf");
        try
        {
            // BindReadOnlyPaths= (service-in-namespace.conf) now shows the host's file: the documented limitation.
            Assert.Equal("nameserver 192.0.2.53\n", Box.Must($"cat /proc/{probe}/root/etc/resolv.conf"));
            // vpnns@.service runs through vpnns-exec, whose private /etc keeps the VPN's resolv.conf.
            Assert.Contains(vpn, Box.Must($"cat /proc/{template}/root/etc/resolv.conf"));
        }
        finally
        {
            File.WriteAllText(Path.Combine(Box.HostDirectory, "resolv.conf"), saved);
            Box.Must($"cp {BootedSystemd.Shared}/resolv.conf /etc/resolv.conf.new && mv /etc/resolv.conf.new /etc/resolv.conf");
            Box.Must($"systemctl restart {SystemdVpnLab.Probe}");
        }
    }

    [RootFact]
    public void StoppingTheVpn_StopsTheBoundServices_AndStartingIt_StartsTheEnabledTemplate()
    {
        try
        {
            Box.Must($"systemctl stop {Client}");
            foreach (string unit in (string[])[Template, SystemdVpnLab.Probe, Online])
                Assert.Equal("inactive", Box.Run($"systemctl is-active {unit}").Stdout.Trim());
            // The hooks keep the namespace by default: nothing inside falls back to the container's network.
            Assert.Contains("work", Lines(Box.Must("ip netns list")).Select(FirstWord));

            // Enabled, the template starts with the VPN (WantedBy=openvpn-client@%i.service), once the hook ran.
            Box.Must($"systemctl start {Client}");
            Poll.Until(() => lab.Property(Template, "ActiveState") == "active", "vpnns@work to start with the VPN",
                TimeSpan.FromSeconds(60));
            Assert.Equal($"pid={lab.MainPid(Client)}", Lines(Box.Must("cat /run/vpnns/work.state")).Single(l => l.StartsWith("pid=")));
            // Not enabled, the probe only comes back when asked to.
            Assert.Equal("inactive", Box.Run($"systemctl is-active {SystemdVpnLab.Probe}").Stdout.Trim());
        }
        finally
        {
            lab.Restore();
        }
    }

    [RootFact]
    public void VpnnsOnline_WaitsForTheUpHook_NotJustForTheVpnUnit()
    {
        try
        {
            // Without a server the client never connects, so its up hook never runs; systemd still calls the
            // OpenVPN unit active (OpenVPN 2.6 reports ready before connecting).
            Box.Must($"systemctl stop openvpn-server@lab && systemctl restart {Client}");
            Poll.Until(() => lab.Property(Online, "ActiveState") == "activating", "vpnns-online@work to wait");
            Assert.Equal("active", lab.Property(Client, "ActiveState"));
            Assert.NotEqual("active", lab.Property(Template, "ActiveState"));
            Assert.Equal("0", lab.Property(Template, "MainPID"));

            Box.Must("systemctl start openvpn-server@lab");
            Poll.Until(() => lab.Property(Template, "ActiveState") == "active", "vpnns@work once the VPN connects",
                TimeSpan.FromSeconds(90));
            Assert.Equal("active", lab.Property(Online, "ActiveState"));
            Assert.Equal("tun0", Box.Must("ip -n work -br link show type tun").Split(' ')[0]);
        }
        finally
        {
            lab.Restore();
        }
    }

    [RootFact]
    public void SystemdAnalyzeVerify_IsClean_ForEveryShippedUnitAndDropIn()
    {
        // Every template in contrib/systemd (installed by the package), the OpenVPN drop-in linked for a client
        // and a server, and service-in-namespace.conf on the probe; man pages named in Documentation= must exist.
        Box.Must("mkdir -p /etc/systemd/system/openvpn-server@office.service.d && " +
            "ln -sf /usr/share/vpnns/systemd/openvpn-vpnns.conf /etc/systemd/system/openvpn-server@office.service.d/vpnns.conf");
        var units = Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "contrib", "systemd"), "*.service")
            .Select(Path.GetFileName).Select(name => name!.Replace("@.", "@work.")).ToList();
        Assert.NotEmpty(units);
        units.AddRange([Client, "openvpn-server@office.service", SystemdVpnLab.Probe]);
        foreach (string unit in units)
        {
            var result = Box.Run($"systemd-analyze verify {unit}");
            Assert.True(result.ExitCode == 0 && result.Stderr.Trim() == "" && result.Stdout.Trim() == "",
                $"systemd-analyze verify {unit} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        }
        Assert.Contains("/etc/systemd/system/openvpn-client@work.service.d/vpnns.conf", Box.Must($"systemctl show -P DropInPaths {Client}"));
        // verify checks man: pages only; file: pages must exist as named (debian/rules keeps README.md uncompressed).
        var pages = units.Where(u => u.StartsWith("vpnns"))
            .SelectMany(u => Box.Must($"systemctl show -P Documentation {u}").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(url => url.Trim().Trim('"')).Where(url => url.StartsWith("file:")).Distinct().ToList();
        Assert.NotEmpty(pages);
        foreach (string page in pages)
            Box.Must($"test -f {page["file:".Length..]}");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string FirstWord(string line) => line.Split(' ')[0];
}
