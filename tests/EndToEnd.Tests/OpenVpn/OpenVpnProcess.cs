using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vpnns.Tests.OpenVpn;

/// <summary>A running openvpn with its log file; killed on dispose.</summary>
public sealed class OpenVpnProcess : IDisposable
{
    private const string Ready = "Initialization Sequence Completed";
    private readonly Process _process;

    private OpenVpnProcess(Process process, string log)
    {
        _process = process;
        LogPath = log;
    }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    /// <summary>Starts `PREFIX... openvpn --config CONFIG --log LOG` and waits until the tunnel is up.</summary>
    public static OpenVpnProcess Start(IEnumerable<string> prefix, string config, string log)
    {
        var psi = new ProcessStartInfo(prefix.First()) { UseShellExecute = false };
        foreach (string a in prefix.Skip(1).Concat(["openvpn", "--config", config, "--log", log]))
            psi.ArgumentList.Add(a);
        var started = new OpenVpnProcess(Process.Start(psi)!, log);
        started.WaitUntilReady(1);
        return started;
    }

    public int ReadyCount => Regex.Count(Log, Ready);

    /// <summary>Waits until the log says the tunnel came up for the <paramref name="count"/>th time.</summary>
    public void WaitUntilReady(int count)
    {
        try
        {
            Poll.Until(() => ReadyCount >= count || _process.HasExited, $"openvpn ready #{count}", TimeSpan.FromSeconds(40));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + ":\n" + Log);
        }
        if (ReadyCount < count)
            throw new InvalidOperationException($"openvpn exited ({ExitCodeText()}) before it was ready:\n{Log}");
    }

    public void Signal(string name) =>
        ChildProcess.Run("kill", "-" + name, Pid.ToString()).EnsureSuccess("kill -" + name);

    /// <summary>SIGTERM, then wait for the exit (the down hook has run by then).</summary>
    public void Stop()
    {
        Signal("TERM");
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("openvpn did not stop:\n" + Log);
    }

    private string ExitCodeText() => _process.HasExited ? "status " + _process.ExitCode : "still running";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }
}
