using Vpnns.Settings;
using Xunit;

namespace Vpnns.Tests.Settings;

public class SettingsLoaderTests
{
    [Fact]
    public void Vpnns_variables_are_read_from_the_given_environment()
    {
        var env = new Dictionary<string, string>
        {
            ["VPNNS_NAME"] = "work", ["VPNNS_DOWN"] = "delete", ["VPNNS_DNS"] = "10.0.0.53",
            ["VPNNS_IPV6_DEFAULT"] = "1", ["OPENVPN_VPNNS_NAME"] = "evil", ["NAME"] = "other",
        };
        var s = SettingsLoader.Load(env, configFile: null);
        Assert.Equal("work", s.Name);
        Assert.True(s.DeletesOnDown);
        Assert.Equal("10.0.0.53", s.Dns);
        Assert.True(s.RoutesIpv6ByDefault);
    }

    [Fact]
    public void Nothing_set_means_keep_on_down_and_no_name()
    {
        var s = SettingsLoader.Load(new Dictionary<string, string>(), configFile: null);
        Assert.Null(s.Name);
        Assert.False(s.DeletesOnDown);
        Assert.False(s.RoutesIpv6ByDefault);
    }

    [Fact]
    public void The_config_file_gives_defaults_and_the_environment_wins()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "; machine-wide defaults\ndown = delete\ndns = 192.0.2.53\n");
            var s = SettingsLoader.Load(new Dictionary<string, string> { ["VPNNS_DNS"] = "198.51.100.53" }, file);
            Assert.True(s.DeletesOnDown);
            Assert.Equal("198.51.100.53", s.Dns);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_malformed_settings_file_is_one_clear_error_naming_it()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "down = delete\nthis line has no equals sign\n");
            var e = Assert.Throws<VpnnsException>(() => SettingsLoader.Load(new Dictionary<string, string>(), file));
            Assert.StartsWith($"invalid settings file: {file}: ", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void File_defaults_fill_only_what_the_vpn_config_did_not_set()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "down = delete\nname = fromfile\n");
            var env = new Dictionary<string, string> { ["VPNNS_NAME"] = "work", ["dev"] = "tun0" };
            var effective = Vpnns.Vpn.HookEnvironment.WithFileDefaults(env, SettingsLoader.Load(env, file));
            Assert.Equal("work", effective["VPNNS_NAME"]);
            Assert.Equal("delete", effective["VPNNS_DOWN"]);
            Assert.Equal("tun0", effective["dev"]);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Without_a_file_the_environment_is_passed_on_unchanged()
    {
        var env = new Dictionary<string, string> { ["VPNNS_DOWN"] = "delete" };
        Assert.Same(env, Vpnns.Vpn.HookEnvironment.WithFileDefaults(env, SettingsLoader.Load(env, configFile: null)));
    }

    [Fact]
    public void Without_the_machine_wide_file_no_configuration_is_built()
    {
        string missing = Path.Combine(Path.GetTempPath(), "vpnns-no-such-" + Guid.NewGuid().ToString("N"));
        Assert.Null(SettingsLoader.LoadIfFilePresent(new Dictionary<string, string>(), missing));
    }
}
