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
}
