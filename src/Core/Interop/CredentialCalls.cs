namespace Vpnns.Interop;

/// <summary>Real, effective and saved ids of one kind (user or group).</summary>
public readonly record struct IdTriple(uint Real, uint Effective, uint Saved)
{
    public bool AllEqual(uint id) => Real == id && Effective == id && Saved == id;
}

/// <summary>Checked wrappers over the credential calls. All changes apply to every thread (glibc).</summary>
public static unsafe class CredentialCalls
{
    public static IdTriple UserIds()
    {
        uint r, e, s;
        if (Native.GetResUid(&r, &e, &s) != 0)
            throw new VpnnsException("cannot read", "user ids", Errno.Last());
        return new IdTriple(r, e, s);
    }

    public static IdTriple GroupIds()
    {
        uint r, e, s;
        if (Native.GetResGid(&r, &e, &s) != 0)
            throw new VpnnsException("cannot read", "group ids", Errno.Last());
        return new IdTriple(r, e, s);
    }

    /// <summary>The supplementary groups of this process (inherited from the caller across a setuid exec).</summary>
    public static uint[] SupplementaryGroups()
    {
        while (true)
        {
            int count = Native.GetGroups(0, null);
            if (count < 0)
                throw new VpnnsException("cannot read", "supplementary groups", Errno.Last());
            var groups = new uint[count];
            fixed (uint* p = groups)
            {
                int n = Native.GetGroups(count, p);
                if (n >= 0)
                    return n == count ? groups : groups[..n];
                if (Errno.Last() != Errno.EINVAL) // EINVAL: the list grew between the calls; ask again
                    throw new VpnnsException("cannot read", "supplementary groups", Errno.Last());
            }
        }
    }

    public static void SetGroups(IReadOnlyList<uint> groups)
    {
        uint[] list = [.. groups];
        fixed (uint* p = list)
        {
            if (Native.SetGroups((nuint)list.Length, p) != 0)
                throw new VpnnsException("cannot set", "supplementary groups", Errno.Last());
        }
    }

    public static void SetGroupIds(uint gid)
    {
        if (Native.SetResGid(gid, gid, gid) != 0)
            throw new VpnnsException("cannot set group id to", gid.ToString(), Errno.Last());
    }

    public static void SetUserIds(uint uid)
    {
        if (Native.SetResUid(uid, uid, uid) != 0)
            throw new VpnnsException("cannot set user id to", uid.ToString(), Errno.Last());
    }

    /// <summary>Tries setresuid(0,0,0); returns the errno (0 means it succeeded, which after a drop is a failure).</summary>
    public static int TryRegainRoot() => Native.SetResUid(0, 0, 0) == 0 ? 0 : Errno.Last();

    /// <summary>PR_SET_NO_NEW_PRIVS: execve can no longer grant privileges (setuid bits, file capabilities).</summary>
    public static void ForbidNewPrivileges()
    {
        if (Native.Prctl(Native.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
            throw new VpnnsException("cannot set", "no_new_privs", Errno.Last());
    }

    public static bool HasNoNewPrivileges() => Native.Prctl(Native.PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1;
}
