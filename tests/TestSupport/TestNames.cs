namespace Vpnns.Tests;

/// <summary>Unique throwaway names for namespaces and devices, so parallel runs never collide with each other or with the host.</summary>
public static class TestNames
{
    private static int _counter;
    private static readonly string Prefix = "vt" + (Environment.ProcessId % 100000).ToString("x");

    /// <summary>A device name of at most 15 characters (IFNAMSIZ - 1).</summary>
    public static string Device() => Next(15);

    /// <summary>A namespace name, short enough to be a device name too.</summary>
    public static string Namespace() => Next(15);

    private static string Next(int max)
    {
        string name = $"{Prefix}x{Interlocked.Increment(ref _counter):x}";
        return name.Length <= max ? name : throw new InvalidOperationException("test name too long: " + name);
    }
}
