namespace Vpnns.Interop;

/// <summary>The capability sets of this thread (64 bits each).</summary>
public readonly record struct CapabilitySets(ulong Effective, ulong Permitted, ulong Inheritable)
{
    public bool IsEmpty => Effective == 0 && Permitted == 0 && Inheritable == 0;
}

/// <summary>capget/capset and the ambient set.</summary>
public static unsafe class Capabilities
{
    public static CapabilitySets Read()
    {
        var header = new Native.CapHeader { Version = Native.LINUX_CAPABILITY_VERSION_3 };
        var data = stackalloc Native.CapData[2];
        if (Native.CapGet(&header, data) != 0)
            throw new VpnnsException("cannot read", "capabilities", Errno.Last());
        return new CapabilitySets(
            data[0].Effective | ((ulong)data[1].Effective << 32),
            data[0].Permitted | ((ulong)data[1].Permitted << 32),
            data[0].Inheritable | ((ulong)data[1].Inheritable << 32));
    }

    /// <summary>
    /// Empties the effective, permitted, inheritable and ambient sets. The inheritable set survives a
    /// setuid drop and execve, so a caller's non-empty one would otherwise reach the child.
    /// </summary>
    public static void ClearAll()
    {
        if (Native.Prctl(Native.PR_CAP_AMBIENT, Native.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0)
            throw new VpnnsException("cannot clear", "ambient capabilities", Errno.Last());
        var header = new Native.CapHeader { Version = Native.LINUX_CAPABILITY_VERSION_3 };
        var data = stackalloc Native.CapData[2];
        data[0] = default;
        data[1] = default;
        if (Native.CapSet(&header, data) != 0)
            throw new VpnnsException("cannot clear", "capabilities", Errno.Last());
    }
}
