namespace Vpnns.Tests.Vpn;

/// <summary>Captured-style OpenVPN environments from tests/Fixtures/openvpn and the argv OpenVPN builds from them.</summary>
internal static class OpenVpnEnv
{
    public static Dictionary<string, string> Fixture(string name)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openvpn", name + ".env")))
        {
            int eq = line.IndexOf('=');
            if (line.StartsWith('#') || eq <= 0)
                continue;
            env[line[..eq]] = line[(eq + 1)..];
        }
        return env;
    }

    public static Dictionary<string, string> Fixture(string name, params (string Key, string? Value)[] changes)
    {
        var env = Fixture(name);
        foreach (var (key, value) in changes)
        {
            if (value is null)
                env.Remove(key);
            else
                env[key] = value;
        }
        return env;
    }

    /// <summary><c>dev tun_mtu 0 local remote_or_netmask context</c> (reference.md 1.3).</summary>
    public static string[] Args(IReadOnlyDictionary<string, string> env) =>
    [
        env.GetValueOrDefault("dev", ""),
        env.GetValueOrDefault("tun_mtu", ""),
        "0",
        env.GetValueOrDefault("ifconfig_local", ""),
        env.GetValueOrDefault("ifconfig_remote") ?? env.GetValueOrDefault("ifconfig_netmask", ""),
        env.GetValueOrDefault("script_context", "init"),
    ];
}
