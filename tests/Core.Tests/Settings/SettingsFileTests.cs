using Vpnns.Settings;
using Vpnns.Vpn;
using Xunit;
using static Vpnns.Tests.PppEnvironment;

namespace Vpnns.Tests.Settings;

/// <summary>
/// vpnns.conf gives defaults; the readers the hooks run (DownPolicyReader, PppEventReader, DebugSetting) decide what a
/// value means, so each test reads the setting back through that reader, as a hook does.
/// </summary>
public sealed class SettingsFileTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    private IReadOnlyDictionary<string, string> Effective(string fileText, Dictionary<string, string> env)
    {
        File.WriteAllText(_file, fileText);
        return HookEnvironment.WithFileDefaults(env, SettingsFile.ReadIfPresent(_file));
    }

    [Fact]
    public void Down_delete_from_the_file_is_what_the_down_hook_reads()
    {
        var env = Effective("; machine-wide defaults\ndown = delete\n", new() { ["VPNNS_NAME"] = "work" });
        Assert.Equal(DownPolicy.Delete, DownPolicyReader.Read(env, new ParseNotes()));
    }

    [Fact]
    public void The_vpn_config_wins_over_the_file()
    {
        var env = Effective("down = delete\nname = fromfile\n", new() { ["VPNNS_DOWN"] = "keep", ["VPNNS_NAME"] = "work", ["dev"] = "tun0" });
        Assert.Equal(DownPolicy.Keep, DownPolicyReader.Read(env, new ParseNotes()));
        Assert.Equal("work", NamespaceSelection.Choose(env).Value);
        Assert.Equal("tun0", env["dev"]);
    }

    [Fact]
    public void Ipv6_default_from_the_file_gives_ipv6_up_its_default_route()
    {
        var env = Effective("IPV6_DEFAULT=1\n", Ipv6Up("ppp0", "work"));
        var e = PppEventReader.Read(PppScript.Ipv6Up, Args("ppp0", LinkLocal, LinkRemote), env)!;
        Assert.True(e.Tunnel!.RoutesIPv6ByDefault);
    }

    [Fact]
    public void Debug_from_the_file_turns_on_the_stack_trace_and_the_environment_can_turn_it_off()
    {
        Assert.True(DebugSetting.IsOn(Effective("debug = 1\n", [])));
        Assert.False(DebugSetting.IsOn(Effective("debug = 1\n", new() { ["VPNNS_DEBUG"] = "0" })));
        Assert.False(DebugSetting.IsOn(Effective("down = keep\n", [])));
    }

    [Fact]
    public void A_malformed_settings_file_is_one_clear_error_naming_it()
    {
        File.WriteAllText(_file, "down = delete\nthis line has no equals sign\n");
        var e = Assert.Throws<VpnnsException>(() => SettingsFile.Read(_file));
        Assert.StartsWith($"invalid settings file: {_file}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_unknown_key_is_refused_rather_than_silently_ignored()
    {
        File.WriteAllText(_file, "dwon = delete\n");
        var e = Assert.Throws<VpnnsException>(() => SettingsFile.Read(_file));
        Assert.Equal($"invalid settings file: {_file}: unknown setting \"dwon\" (known: name, down, dns, ipv6_default, debug)", e.Message);
    }

    [Fact]
    public void A_section_is_refused_because_no_setting_lives_in_one()
    {
        File.WriteAllText(_file, "[hooks]\ndown = delete\n");
        var e = Assert.Throws<VpnnsException>(() => SettingsFile.Read(_file));
        Assert.Contains("unknown setting \"hooks:down\"", e.Message);
    }

    [Fact]
    public void Without_the_file_nothing_is_read_and_the_environment_passes_unchanged()
    {
        string missing = Path.Combine(Path.GetTempPath(), "vpnns-no-such-" + Guid.NewGuid().ToString("N"));
        Assert.Null(SettingsFile.ReadIfPresent(missing));
        var env = new Dictionary<string, string> { ["VPNNS_DOWN"] = "delete" };
        Assert.Same(env, HookEnvironment.WithFileDefaults(env, null));
    }
}
