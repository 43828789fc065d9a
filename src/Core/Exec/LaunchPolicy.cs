using Vpnns.Namespaces;

namespace Vpnns.Exec;

/// <summary>Who started us: real uid and gid and the supplementary groups, as the kernel reports them.</summary>
public sealed record Caller(uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    public bool IsRoot => Uid == 0;

    public bool IsInGroup(uint gid) => Gid == gid || Groups.Contains(gid);
}

/// <summary>
/// The access rule of interface.md: root; members of group vpnns (every namespace); members of group
/// vpnns-NAME (that namespace). Membership is the caller's process credentials (what `id` shows in their
/// session), not a fresh database read, exactly as for file permissions.
/// </summary>
public static class LaunchPolicy
{
    public const string EveryNamespaceGroup = "vpnns";

    public static string GroupOf(NamespaceName name) => "vpnns-" + name.Value;

    /// <summary>Null when allowed, else the refusal, naming the groups that would allow it.</summary>
    /// <param name="everyGroupId">gid of group vpnns, null if there is no such group</param>
    /// <param name="namespaceGroupId">gid of group vpnns-NAME, null if there is no such group</param>
    public static VpnnsException? Refusal(Caller caller, NamespaceName name, uint? everyGroupId, uint? namespaceGroupId) =>
        Refusal(caller, name, [everyGroupId, namespaceGroupId]);

    /// <summary>
    /// The same rule with the gids of vpnns and vpnns-NAME supplied lazily, in that order: root is decided
    /// without any lookup, a vpnns member after the first.
    /// </summary>
    public static VpnnsException? Refusal(Caller caller, NamespaceName name, IEnumerable<uint?> allowingGroupIds)
    {
        if (caller.IsRoot)
            return null;
        foreach (uint? gid in allowingGroupIds)
        {
            if (gid is { } g && caller.IsInGroup(g))
                return null;
        }
        return Refused("permission denied",
            $"entering {NamespaceName.Quote(name.Value)} needs membership in group \"{EveryNamespaceGroup}\" or \"{GroupOf(name)}\"");
    }

    /// <summary>Null when the caller may choose these identity options, else the refusal.</summary>
    public static VpnnsException? IdentityOptionRefusal(Caller caller, LaunchRequest request)
    {
        if ((request.User is not null || request.Group is not null) && !caller.IsRoot)
            return Refused("permission denied", "--user and --group are for root only");
        if (request.Group is not null && request.User is null)
            return Refused("invalid options", "--group needs --user");
        return null;
    }

    private static VpnnsException Refused(string what, string why) => new(what, why, exitCode: ExitCodes.LauncherFailure);
}
