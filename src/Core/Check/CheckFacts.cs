using Vpnns.Admin;
using Vpnns.Interop;
using Vpnns.Netlink;

namespace Vpnns.Check;

/// <summary>
/// Everything `vpnnsctl check` judges, gathered once (<see cref="CheckGatherer"/>) so the rules
/// (<see cref="CheckRules"/>) are pure functions of it and can be tested from hand-made facts.
/// </summary>
/// <param name="Status">what `status` shows: devices (kind, up, live), DNS, processes, the hooks' record</param>
/// <param name="DefaultRoutes">default routes of both families in every routing table</param>
/// <param name="Rules">policy routing rules of both families that a new namespace does not have (ip rule), as text</param>
/// <param name="ResolvConf">/etc/netns/NAME/resolv.conf as programs open it (symlinks followed); null when missing</param>
/// <param name="DnsLookups">the kernel's route lookup inside the namespace for each nameserver</param>
/// <param name="SideChannels">the resolver daemons' runtime directories vpnns-exec masks, and whether each exists here</param>
/// <param name="HostNsswitchSources">daemon sources in the host's /etc/nsswitch.conf `hosts:` line</param>
/// <param name="NamespaceNsswitchSources">the same for /etc/netns/NAME/nsswitch.conf; null when there is none</param>
/// <param name="Etc">what the launcher's own check says about /etc/netns/NAME</param>
public sealed record CheckFacts(
    NamespaceStatus Status,
    IReadOnlyList<DefaultRouteFact> DefaultRoutes,
    IReadOnlyList<string> Rules,
    FileStatus? ResolvConf,
    IReadOnlyList<DnsLookupFact> DnsLookups,
    IReadOnlyList<SideChannelFact> SideChannels,
    IReadOnlyList<string> HostNsswitchSources,
    IReadOnlyList<string>? NamespaceNsswitchSources,
    EtcFact Etc,
    IReadOnlyList<ProcessFact> Processes)
{
    public string Name => Status.Name;

    public string EtcDirectory => "/etc/netns/" + Name;
}

/// <param name="Family">"ipv4" or "ipv6"</param>
/// <param name="Device">the output device's name, null when the route has none (blackhole, unreachable)</param>
public sealed record DefaultRouteFact(string Family, uint Table, RouteType Type, string? Device, string? Via);

/// <param name="Server">the nameserver line's value as written</param>
/// <param name="IsAddress">whether it parses as an IP address (glibc ignores lines that do not)</param>
/// <param name="Device">the output device of the kernel's route, null when there is no route</param>
public sealed record DnsLookupFact(string Server, bool IsAddress, bool IsLoopback, string? Device, string? Via, RouteType? Type);

/// <param name="Daemon">e.g. "nscd"</param>
/// <param name="Directory">its runtime directory, as <see cref="Exec.ResolverDaemonMask"/> spells it</param>
public sealed record SideChannelFact(string Daemon, string Directory, bool Exists);

/// <param name="Exists">whether /etc/netns/NAME exists</param>
/// <param name="Problem">why vpnns-exec would refuse to bind it (the first unsafe path), null when it would not</param>
/// <param name="Entries">how many entries it binds</param>
public sealed record EtcFact(bool Exists, string? Problem, int Entries);

/// <param name="SharesHostMounts">in vpnnsctl's own mount namespace: it reads the host's /etc</param>
/// <param name="ResolvConf">its /etc/resolv.conf (symlinks followed, as it would open it); null when it has none</param>
/// <param name="Gone">it exited while we looked</param>
public sealed record ProcessFact(int Pid, string Command, string User, bool SharesHostMounts, FileStatus? ResolvConf, bool Gone = false);
