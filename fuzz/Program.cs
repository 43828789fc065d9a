using SharpFuzz;
using Vpnns.Fuzz;

// vpnns-fuzz TARGET            run under libFuzzer (libfuzzer-dotnet) or AFL++ (afl-fuzz), see fuzz/README.md
// vpnns-fuzz TARGET FILE...    replay files once, uninstrumented, printing each outcome
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: vpnns-fuzz {string.Join('|', FuzzTargets.All.Keys)} [FILE...]");
    return 2;
}
if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"ok {file}");
    }
    return 0;
}
if (Environment.GetEnvironmentVariable("__AFL_SHM_ID") is not null)
    Fuzzer.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        target(copy.ToArray());
    });
else
    Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
return 0;
