namespace Vpnns.Interop;

/// <summary>Checked wrappers around the socket calls a netlink socket needs; failures throw VpnnsException.</summary>
internal static unsafe class NetlinkSyscalls
{
    private const string Subject = "NETLINK_ROUTE";

    /// <summary>socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol) in the calling thread's network namespace.</summary>
    public static FileDescriptor Open(int protocol)
    {
        int fd = Native.Socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC, protocol);
        if (fd < 0)
            throw new VpnnsException("cannot open netlink socket", Subject, Errno.Last());
        return new FileDescriptor(fd);
    }

    public static void SetOption(FileDescriptor fd, int level, int name, int value, string optionName)
    {
        if (Native.SetSockOpt(fd, level, name, &value, sizeof(int)) != 0)
            throw new VpnnsException("cannot set netlink socket option", optionName, Errno.Last());
    }

    /// <summary>Binds with a kernel-assigned port id and returns that id.</summary>
    public static uint Bind(FileDescriptor fd, uint groups)
    {
        var address = new SockAddrNl { nl_family = Native.AF_NETLINK, nl_groups = groups };
        if (Native.Bind(fd, &address, (uint)sizeof(SockAddrNl)) != 0)
            throw new VpnnsException("cannot bind netlink socket", Subject, Errno.Last());
        uint length = (uint)sizeof(SockAddrNl);
        if (Native.GetSockName(fd, &address, &length) != 0)
            throw new VpnnsException("cannot read netlink port id", Subject, Errno.Last());
        return address.nl_pid;
    }

    /// <summary>Sends one datagram to the kernel (port 0).</summary>
    public static void Send(FileDescriptor fd, ReadOnlySpan<byte> datagram)
    {
        var kernel = new SockAddrNl { nl_family = Native.AF_NETLINK };
        fixed (byte* p = datagram)
        {
            while (true)
            {
                nint sent = Native.SendTo(fd, p, (nuint)datagram.Length, 0, &kernel, (uint)sizeof(SockAddrNl));
                if (sent == datagram.Length)
                    return;
                int errno = sent < 0 ? Errno.Last() : Errno.EMSGSIZE;
                if (errno != Errno.EINTR)
                    throw new VpnnsException("cannot send netlink request", Subject, errno);
            }
        }
    }

    /// <summary>
    /// Receives the next datagram. Returns its full length,
    /// which exceeds <paramref name="buffer"/> when it did not fit (MSG_TRUNC), and the sender's port id.
    /// </summary>
    public static int Receive(FileDescriptor fd, Span<byte> buffer, out uint senderPort)
    {
        var from = new SockAddrNl();
        const int flags = Native.MSG_TRUNC;
        fixed (byte* p = buffer)
        {
            while (true)
            {
                uint fromLength = (uint)sizeof(SockAddrNl);
                nint received = Native.RecvFrom(fd, p, (nuint)buffer.Length, flags, &from, &fromLength);
                if (received >= 0)
                {
                    senderPort = from.nl_pid;
                    return (int)received;
                }
                int errno = Errno.Last();
                if (errno != Errno.EINTR)
                    throw new VpnnsException("cannot receive netlink message", Subject, errno);
            }
        }
    }
}
