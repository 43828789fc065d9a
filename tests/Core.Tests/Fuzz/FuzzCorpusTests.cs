using Vpnns.Fuzz;
using Xunit;

namespace Vpnns.Tests.Fuzz;

/// <summary>
/// Replays fuzz/corpus through each fuzz target in-process (no instrumentation), and runs seeded random
/// mutations of it: the short, deterministic slice of the fuzzing campaign that runs on every test run.
/// </summary>
public class FuzzCorpusTests
{
    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Keys];

    private static IEnumerable<string> Corpus(string target) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", target)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_input_is_parsed_or_refused_with_one_line(string target)
    {
        var files = Corpus(target).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var error = Record.Exception(() => FuzzTargets.All[target](File.ReadAllBytes(file)));
            Assert.True(error is null, $"{target} {Path.GetFileName(file)}: {error}");
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Seeded_mutations_of_the_corpus_are_parsed_or_refused_with_one_line(string target)
    {
        var seeds = Corpus(target).Select(File.ReadAllBytes).ToArray();
        var random = new Random(20261205);   // fixed: a failure names the iteration and reproduces
        for (int i = 0; i < 3000; i++)
        {
            byte[] input = ByteMutator.Mutate(seeds[random.Next(seeds.Length)], random);
            var error = Record.Exception(() => FuzzTargets.All[target](input));
            Assert.True(error is null, $"{target} iteration {i}, input {Convert.ToHexString(input)}: {error}");
        }
    }
}
