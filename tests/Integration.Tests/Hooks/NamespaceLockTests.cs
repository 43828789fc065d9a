using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Hooks;

public sealed class NamespaceLockTests : IDisposable
{
    private readonly HookHost _host = new();

    public void Dispose() => _host.Dispose();

    [RootFact]
    public void A_run_waits_for_the_current_holder_of_the_name()
    {
        Directory.CreateDirectory("/run/vpnns");
        var held = LockFile.AcquireExclusive(_host.LockFile);
        using var hook = _host.Start("up", _host.UpEnvironment());
        try
        {
            // /proc/locks lists a blocked flock waiter as "N: -> FLOCK ... PID ..."
            Poll.Until(() => File.ReadAllLines("/proc/locks").Any(l => l.Contains("-> FLOCK") && l.Contains($" {hook.Id} ")),
                "the hook to block on the lock");
            Assert.False(File.Exists($"/run/netns/{_host.VpnName}"), "the hook acted while another run held the name");
        }
        finally
        {
            held.Dispose();
        }
        Assert.True(hook.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, hook.ExitCode);
        Assert.True(File.Exists($"/run/netns/{_host.VpnName}"));
    }

    [RootFact]
    public void A_killed_holder_leaves_no_stale_lock()
    {
        Directory.CreateDirectory("/run/vpnns");
        // One process that holds the lock itself (flock(1) with a command would hand the fd to a child).
        using var holder = System.Diagnostics.Process.Start("bash", ["-c", $"exec 9>>'{_host.LockFile}'; flock 9; exec sleep 300"]);
        Poll.Until(() => LockFile.IsHeld(_host.LockFile), "flock to take the lock");
        holder.Kill();
        holder.WaitForExit();

        _host.Run("up", _host.UpEnvironment()).EnsureSuccess("up after a killed holder");
        Assert.False(LockFile.IsHeld(_host.LockFile));
    }
}
