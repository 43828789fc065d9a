using System.Runtime.InteropServices;
using Vpnns.Interop;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>
/// A NETLINK_ROUTE socket bound to the network namespace of the thread that opened it. It sends
/// requests with increasing sequence numbers and collects the replies addressed to them.
/// Not thread-safe; RtnlClient serialises access.
/// </summary>
internal sealed partial class NetlinkSocket : IDisposable
{
    // Kernel dump datagrams stay within 32 KiB once the reader offers that much (netlink_recvmsg); a
    // bigger one is reported by MSG_TRUNC and refused (see ReceiveDatagram).
    private const int InitialBufferSize = 64 * 1024;

    private readonly FileDescriptor _fd;
    private byte[] _buffer;
    private uint _sequence;

    private NetlinkSocket(FileDescriptor fd, uint portId)
    {
        _fd = fd;
        PortId = portId;
        // Not from ArrayPool and not zeroed: each short-lived hook run opens two sockets, and initialising the
        // shared pool plus clearing 128 KiB (for replies that are mostly 36-byte acks) showed in bench/hook.
        // The kernel writes before we read, and only the received length is ever looked at.
        _buffer = GC.AllocateUninitializedArray<byte>(InitialBufferSize);
    }

    /// <summary>The port id the kernel assigned at bind; replies to our requests carry it.</summary>
    public uint PortId { get; }

    /// <summary>Opens a request socket: extended acks, capped error echoes, strict checking of get requests.</summary>
    public static NetlinkSocket OpenForRequests()
    {
        FileDescriptor fd = NetlinkSyscalls.Open(NETLINK_ROUTE);
        try
        {
            NetlinkSyscalls.SetOption(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, nameof(NETLINK_EXT_ACK));
            NetlinkSyscalls.SetOption(fd, SOL_NETLINK, NETLINK_CAP_ACK, 1, nameof(NETLINK_CAP_ACK));
            NetlinkSyscalls.SetOption(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1, nameof(NETLINK_GET_STRICT_CHK));
            return new NetlinkSocket(fd, NetlinkSyscalls.Bind(fd, groups: 0));
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>Stamps the next sequence number into the request, sends it and returns the number.</summary>
    public uint Send(Span<byte> request)
    {
        if (request.Length < NLMSG_HDRLEN)
            throw new ArgumentException("a netlink request starts with a 16-byte header", nameof(request));
        uint sequence = ++_sequence;
        MemoryMarshal.Write(request[8..], in sequence);
        NetlinkSyscalls.Send(_fd, request);
        return sequence;
    }

    /// <summary>
    /// Receives the next datagram from the kernel; the span stays valid until the next call.
    /// Datagrams from other sockets (port id != 0) are dropped: only the kernel may answer.
    /// </summary>
    public ReadOnlySpan<byte> ReceiveDatagram()
    {
        while (true)
        {
            // One receive per datagram: dump batches are capped by the kernel near 32 KiB and our buffer is
            // larger, so a peek to size the buffer first would only double the syscalls. MSG_TRUNC still
            // reports a datagram that did not fit, which is refused rather than parsed half.
            int received = NetlinkSyscalls.Receive(_fd, _buffer, out uint sender);
            if (received > _buffer.Length)
                throw NetlinkReader.Malformed($"reply of {received} bytes exceeds the {_buffer.Length}-byte receive buffer");
            if (sender == 0)
                return _buffer.AsSpan(0, received);
        }
    }

    public void Dispose()
    {
        _fd.Dispose();
        _buffer = [];
    }
}
