using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

internal sealed partial class NetlinkSocket
{
    // A dump that keeps being interrupted by concurrent changes is retried this many times.
    private const int DumpAttempts = 10;

    /// <summary>Sends a request carrying NLM_F_ACK and waits for its acknowledgement.</summary>
    public NetlinkStatus Execute(Span<byte> request) => Exchange<object>(request, null, null, out _);

    /// <summary>
    /// Sends a get request without NLM_F_ACK: the kernel answers with the object or with an error, never
    /// both, so one datagram ends the exchange (an ack would cost a second receive per lookup — `list`
    /// does one lookup per namespace).
    /// </summary>
    public NetlinkStatus Get<T>(Span<byte> request, MessageParser<T> parse, out T? reply) where T : class
    {
        var replies = new List<T>(1);
        NetlinkStatus status = Exchange(request, parse, replies, out _, stopAfterReply: true);
        reply = replies.Count > 0 ? replies[0] : null;
        return status;
    }

    /// <summary>Runs a dump request to NLMSG_DONE, restarting it when the kernel flags NLM_F_DUMP_INTR.</summary>
    public NetlinkStatus Dump<T>(Span<byte> request, MessageParser<T> parse, List<T> into) where T : class
    {
        for (int attempt = 1; ; attempt++)
        {
            into.Clear();
            NetlinkStatus status = Exchange(request, parse, into, out bool interrupted);
            if (!status.IsSuccess || !interrupted)
                return status;
            if (attempt == DumpAttempts)
                return new NetlinkStatus(Interop.Errno.EINTR, $"dump interrupted by changes {DumpAttempts} times");
        }
    }

    // Replies belong to our request when they carry its sequence number and our port id; anything
    // else (a late answer to an earlier request) is skipped. Requests end at NLMSG_ERROR (the ack or
    // the failure), dumps at NLMSG_DONE, or at NLMSG_ERROR when the kernel refused the dump outright.
    private NetlinkStatus Exchange<T>(Span<byte> request, MessageParser<T>? parse, List<T>? into, out bool interrupted,
        bool stopAfterReply = false)
        where T : class
    {
        interrupted = false;
        uint sequence = Send(request);
        while (true)
        {
            var reader = new NetlinkReader(ReceiveDatagram());
            while (reader.TryRead(out NetlinkMessage message))
            {
                if (message.Sequence != sequence || message.PortId != PortId)
                    continue;
                interrupted |= message.HasFlag(NLM_F_DUMP_INTR);
                switch (message.Type)
                {
                    case NLMSG_ERROR:
                        return NetlinkStatus.FromError(message);
                    case NLMSG_DONE:
                        return NetlinkStatus.FromDone(message);
                    case NLMSG_NOOP:
                        continue;
                    case NLMSG_OVERRUN:
                        throw NetlinkReader.Malformed("kernel reported NLMSG_OVERRUN");
                    default:
                        if (parse?.Invoke(message) is { } item)
                            into!.Add(item);
                        if (stopAfterReply)
                            return NetlinkStatus.Success;
                        break;
                }
            }
        }
    }
}
