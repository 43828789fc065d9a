using System.Diagnostics;

namespace Vpnns.Tests.Hooks;

/// <summary>
/// A throwaway namespace standing in for the one OpenVPN runs in, holding a fresh persistent tun device, and the
/// built hook binary behind the names up/down. Runs the hook the way OpenVPN does: the six arguments and only
/// OpenVPN's variables (env -i), network namespace entered with nsenter so the mount namespace stays the host's.
/// </summary>
public sealed class HookHost : IDisposable
{
    private readonly string _hooks;

    public HookHost()
    {
        Namespace = TestNames.Namespace();
        VpnName = TestNames.Namespace();
        ChildProcess.Ip("netns", "add", Namespace);
        ChildProcess.Ip("-n", Namespace, "tuntap", "add", "dev", Device, "mode", "tun");
        _hooks = Directory.CreateTempSubdirectory("vpnns-hook-").FullName;
        foreach (string entry in (string[])["up", "down"])
            File.CreateSymbolicLink(Path.Combine(_hooks, entry), TestEnvironment.Binary("vpnns-hook"));
    }

    public string Namespace { get; }

    public string VpnName { get; }

    public string Device { get; } = "tun9";

    public string ResolvConf => $"/etc/netns/{VpnName}/resolv.conf";

    public string LockFile => $"/run/vpnns/{VpnName}.lock";

    /// <summary>What OpenVPN 2.6 exports for a tun client in topology subnet with IPv6, a route and DNS.</summary>
    public Dictionary<string, string> UpEnvironment() => new()
    {
        ["script_type"] = "up", ["script_context"] = "init", ["config"] = "/etc/openvpn/client/test.conf",
        ["VPNNS_NAME"] = VpnName, ["dev"] = Device, ["dev_type"] = "tun", ["tun_mtu"] = "1400",
        ["ifconfig_local"] = "10.8.0.2", ["ifconfig_netmask"] = "255.255.255.0",
        ["ifconfig_ipv6_local"] = "fd00:8::1000", ["ifconfig_ipv6_netbits"] = "64",
        ["route_network_1"] = "10.9.0.0", ["route_netmask_1"] = "255.255.0.0", ["route_gateway_1"] = "10.8.0.1",
        ["foreign_option_1"] = "dhcp-option DNS 10.8.0.1",
    };

    public Dictionary<string, string> DownEnvironment(string? policy = null)
    {
        var env = new Dictionary<string, string>
        {
            ["script_type"] = "down", ["script_context"] = "init", ["signal"] = "sigterm",
            ["config"] = "/etc/openvpn/client/test.conf", ["VPNNS_NAME"] = VpnName, ["dev"] = Device,
        };
        if (policy is not null)
            env["VPNNS_DOWN"] = policy;
        return env;
    }

    public ChildProcess.Result Run(string entry, IReadOnlyDictionary<string, string> env) =>
        ChildProcess.Run("nsenter", Command(entry, env), environment: null);

    /// <summary>Starts the hook without waiting (for lock tests).</summary>
    public Process Start(string entry, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("nsenter") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in Command(entry, env))
            psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private List<string> Command(string entry, IReadOnlyDictionary<string, string> env)
    {
        var command = new List<string> { $"--net=/run/netns/{Namespace}", "env", "-i" };
        command.AddRange(env.Select(kv => $"{kv.Key}={kv.Value}"));
        command.Add(Path.Combine(_hooks, entry));
        command.AddRange([Device, env.GetValueOrDefault("tun_mtu", "1500"), "0",
            env.GetValueOrDefault("ifconfig_local", ""), env.GetValueOrDefault("ifconfig_netmask", ""), "init"]);
        return command;
    }

    public string IpHost(params string[] args) => ChildProcess.Ip(["-n", Namespace, .. args]);

    public string IpVpn(params string[] args) => ChildProcess.Ip(["-n", VpnName, .. args]);

    public void Dispose()
    {
        Cleanup.Namespace(VpnName);
        Cleanup.Namespace(Namespace);
        File.Delete($"/run/vpnns/{VpnName}.state");
        File.Delete(LockFile);
        Directory.Delete(_hooks, recursive: true);
    }
}
