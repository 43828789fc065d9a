using System.Diagnostics;

namespace Vpnns.Tests.Netlink;

/// <summary>Finds and runs the system C compiler for the header cross-checks.</summary>
internal static class Compiler
{
    public static string? Find()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            string path = Path.Combine(dir, "gcc");
            if (File.Exists(path))
                return path;
        }
        return null;
    }

    /// <summary>Compiles and runs a C program, returning what it printed.</summary>
    public static string CompileAndRun(string source)
    {
        string dir = Directory.CreateTempSubdirectory("vpnns-uapi-").FullName;
        try
        {
            string c = Path.Combine(dir, "check.c"), exe = Path.Combine(dir, "check");
            File.WriteAllText(c, source);
            Run(Find() ?? throw new InvalidOperationException("gcc is not installed"), "-Wall", "-o", exe, c);
            return Run(exe);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {error.Result}");
        return output;
    }
}
