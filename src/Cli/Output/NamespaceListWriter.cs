using System.Text.Json;
using Vpnns.Admin;

namespace Vpnns.Cli.Output;

/// <summary>Writes `list` and `list-id` exactly as iproute2 prints them (text and -j).</summary>
internal static class NamespaceListWriter
{
    public static void WriteText(TextWriter output, IReadOnlyList<NamespaceEntry> entries)
    {
        foreach (var e in entries)
            output.WriteLine(e.Id is int id ? $"{e.Name} (id: {id})" : e.Name);
    }

    public static void WriteText(TextWriter output, IReadOnlyList<NsidListing> ids)
    {
        foreach (var e in ids)
            output.WriteLine(e.Name is null ? $"nsid {e.Nsid} " : $"nsid {e.Nsid} (iproute2 netns name: {e.Name})");
    }

    // ip -j netns list prints nothing at all when there is no namespace; list-id prints [].
    public static void WriteJson(TextWriter output, IReadOnlyList<NamespaceEntry> entries)
    {
        if (entries.Count > 0)
            output.WriteLine(JsonSerializer.Serialize(entries.ToArray(), CliJson.Default.NamespaceEntryArray));
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<NsidListing> ids) =>
        output.WriteLine(JsonSerializer.Serialize(ids.ToArray(), CliJson.Default.NsidListingArray));
}
