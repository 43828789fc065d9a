using Xunit;

namespace Vpnns.Tests.Hooks;

public sealed class DownHookTests : IDisposable
{
    private readonly HookHost _host = new();

    public void Dispose() => _host.Dispose();

    [RootFact]
    public void Down_keeps_namespace_and_files_by_default()
    {
        _host.Run("up", _host.UpEnvironment()).EnsureSuccess("up");

        var result = _host.Run("down", _host.DownEnvironment()).EnsureSuccess("down");

        Assert.Contains("keeping the namespace", result.Stderr);
        Assert.True(File.Exists($"/run/netns/{_host.VpnName}"));
        Assert.True(File.Exists(_host.ResolvConf));
    }

    [RootFact]
    public void Down_delete_removes_what_the_hooks_made_and_leaves_the_admins_files()
    {
        Directory.CreateDirectory($"/etc/netns/{_host.VpnName}");
        File.WriteAllText($"/etc/netns/{_host.VpnName}/hosts", "127.0.0.1 localhost\n");
        _host.Run("up", _host.UpEnvironment()).EnsureSuccess("up");

        _host.Run("down", _host.DownEnvironment("delete")).EnsureSuccess("down");

        Assert.False(File.Exists($"/run/netns/{_host.VpnName}"));
        Assert.False(File.Exists(_host.ResolvConf));
        Assert.True(File.Exists($"/etc/netns/{_host.VpnName}/hosts"));
        Assert.False(File.Exists($"/run/vpnns/{_host.VpnName}.state"));
    }

    [RootFact]
    public void Down_delete_on_a_restart_keeps_the_namespace()
    {
        _host.Run("up", _host.UpEnvironment()).EnsureSuccess("up");
        var env = _host.DownEnvironment("delete");
        env["script_context"] = "restart";
        env["signal"] = "sigusr1";

        _host.Run("down", env).EnsureSuccess("down");

        Assert.True(File.Exists($"/run/netns/{_host.VpnName}"));
    }

    [RootFact]
    public void Down_is_idempotent_when_nothing_is_there()
    {
        _host.Run("down", _host.DownEnvironment("delete")).EnsureSuccess("first down");
        _host.Run("down", _host.DownEnvironment("delete")).EnsureSuccess("second down");
    }
}
