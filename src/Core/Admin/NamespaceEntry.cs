namespace Vpnns.Admin;

/// <summary>One line of `list`: a name and, when the kernel assigned one, its nsid as seen from here.</summary>
public sealed record NamespaceEntry(string Name, int? Id);

/// <summary>One line of `list-id`: an nsid and the name that refers to it, if any.</summary>
public sealed record NsidListing(int Nsid, string? Name);
