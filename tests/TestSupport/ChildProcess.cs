using System.Diagnostics;

namespace Vpnns.Tests;

/// <summary>Runs a program to completion and captures what it printed.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public Result EnsureSuccess(string what) =>
            ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}: {Stderr.Trim()}");
    }

    public static Result Run(string file, params string[] args) => Run(file, args, environment: null);

    public static Result Run(string file, IEnumerable<string> args, IDictionary<string, string?>? environment, string? stdin = null,
        TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                if (v is null) psi.Environment.Remove(k);
                else psi.Environment[k] = v;
            }
        }
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs `ip ARGS...` (iproute2 is the independent oracle in tests) and requires success.</summary>
    public static string Ip(params string[] args) => Run("ip", args).EnsureSuccess("ip " + string.Join(' ', args)).Stdout;
}
