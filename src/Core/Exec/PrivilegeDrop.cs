using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// Becomes <see cref="TargetIdentity"/> for good: groups, then gid, then uid (each later step needs the
/// privilege the earlier ones still had), real, effective and saved ids alike; then checks it stuck.
/// </summary>
public static class PrivilegeDrop
{
    /// <summary>Switches every thread to <paramref name="target"/> and verifies; a no-op when nothing changes.</summary>
    public static void Apply(TargetIdentity target)
    {
        if (IsCurrent(target))
            return;
        if (target.Gid == uint.MaxValue || target.Uid == uint.MaxValue)
            throw new VpnnsException("refusing to switch to", "id -1 (give --group for a uid without passwd entry)");
        CredentialCalls.SetGroups(target.Groups);
        CredentialCalls.SetGroupIds(target.Gid);
        CredentialCalls.SetUserIds(target.Uid);
        if (target.Uid != 0)
            Capabilities.ClearAll();
        Verify(target);
    }

    /// <summary>Throws unless the process now has exactly <paramref name="target"/>'s ids and, for non-root, no capability.</summary>
    public static void Verify(TargetIdentity target)
    {
        if (!CredentialCalls.UserIds().AllEqual(target.Uid) || !CredentialCalls.GroupIds().AllEqual(target.Gid))
            throw new VpnnsException("privilege drop did not take effect", $"uid {target.Uid} gid {target.Gid}");
        if (!SameSet(CredentialCalls.SupplementaryGroups(), target.Groups))
            throw new VpnnsException("privilege drop did not take effect", "supplementary groups");
        if (target.Uid == 0)
            return;
        if (!Capabilities.Read().IsEmpty)
            throw new VpnnsException("privilege drop did not take effect", "capabilities remain");
        if (CredentialCalls.TryRegainRoot() == 0)
            throw new VpnnsException("privilege drop did not take effect", "root could be regained");
    }

    private static bool IsCurrent(TargetIdentity target) =>
        CredentialCalls.UserIds().AllEqual(target.Uid) && CredentialCalls.GroupIds().AllEqual(target.Gid)
        && SameSet(CredentialCalls.SupplementaryGroups(), target.Groups);

    private static bool SameSet(IReadOnlyList<uint> a, IReadOnlyList<uint> b)
    {
        var set = new HashSet<uint>(a);
        return set.SetEquals(b);
    }
}
