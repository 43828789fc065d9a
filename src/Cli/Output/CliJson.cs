using System.Text.Json.Serialization;
using Vpnns.Admin;

namespace Vpnns.Cli.Output;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NamespaceEntry[]))]
[JsonSerializable(typeof(NsidListing[]))]
[JsonSerializable(typeof(NamespaceStatus[]))]
internal sealed partial class CliJson : JsonSerializerContext;
