using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vpnns.Check;

namespace Vpnns.Cli.Output;

/// <summary>`vpnnsctl check` output: one "PASS|FAIL ID: REASON" line per item, or one JSON object.</summary>
internal static class CheckWriter
{
    public static void WriteText(TextWriter output, IReadOnlyList<CheckItem> items)
    {
        foreach (var item in items)
            output.WriteLine($"{Verdict(item)} {item.Id}: {item.Reason}");
    }

    public static void WriteJson(TextWriter output, string name, IReadOnlyList<CheckItem> items)
    {
        var report = new CheckReportJson(name, items.All(i => i.Passed),
            [.. items.Select(i => new CheckItemJson(i.Id, Verdict(i), i.Reason))]);
        output.WriteLine(JsonSerializer.Serialize(report, Options.GetTypeInfo(typeof(CheckReportJson))));
    }

    // Reasons quote paths and names: keep ' and < as they are, as for a person reading the text.
    private static readonly JsonSerializerOptions Options = new(CheckJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = CheckJson.Default,
    };

    private static string Verdict(CheckItem item) => item.Passed ? "PASS" : "FAIL";
}

internal sealed record CheckItemJson(string Id, string Status, string Reason);

/// <param name="Passed">true when every item passed (the exit status is then 0)</param>
internal sealed record CheckReportJson(string Name, bool Passed, CheckItemJson[] Items);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CheckReportJson))]
internal sealed partial class CheckJson : JsonSerializerContext;
