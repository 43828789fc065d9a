using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>The credentials COMMAND runs with.</summary>
public sealed record TargetIdentity(uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    /// <summary>
    /// The caller themself: real uid and gid and their supplementary groups. For a root caller this is
    /// "no change" (root keeps its capabilities, as under `ip netns exec`).
    /// </summary>
    public static TargetIdentity Of(Caller caller) => new(caller.Uid, caller.Gid, caller.Groups);

    /// <summary>Resolves --user/--group (already allowed by <see cref="LaunchPolicy"/>), else the caller.</summary>
    public static TargetIdentity Resolve(Caller caller, string? user, string? group)
    {
        if (user is null)
            return Of(caller);
        var account = FindUser(user);
        uint gid = group is null ? account.Gid : FindGroup(group);
        uint[] groups = account.Name.Length > 0 ? UserDatabase.GroupList(account.Name, account.Gid) : [gid];
        return new TargetIdentity(account.Uid, gid, groups);
    }

    // A number without a passwd entry is allowed (like setpriv --reuid), but then it has no name, no
    // default group and no group list: --group must say which group to use.
    private static UserAccount FindUser(string user)
    {
        if (UserDatabase.UserByName(user) is { } byName)
            return byName;
        if (uint.TryParse(user, out uint uid))
            return UserDatabase.UserById(uid) ?? new UserAccount("", uid, uint.MaxValue);
        throw new VpnnsException("no such user", Namespaces.NamespaceName.Quote(user));
    }

    private static uint FindGroup(string group)
    {
        if (UserDatabase.GroupId(group) is { } gid)
            return gid;
        if (uint.TryParse(group, out uint number))
            return number;
        throw new VpnnsException("no such group", Namespaces.NamespaceName.Quote(group));
    }
}
