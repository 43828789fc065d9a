using Vpnns.Netlink;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Tests.Netlink;

/// <summary>Runs the socket's reply handling over recorded datagrams, without a socket.</summary>
internal static class Replies
{
    /// <summary>Parses every data message of a recorded dump and returns them with the status of NLMSG_DONE or NLMSG_ERROR.</summary>
    public static (List<T> Items, NetlinkStatus Status, bool Interrupted) Dump<T>(IEnumerable<byte[]> datagrams, MessageParser<T> parse)
        where T : class
    {
        var items = new List<T>();
        bool interrupted = false;
        foreach (byte[] datagram in datagrams)
        {
            var reader = new NetlinkReader(datagram);
            while (reader.TryRead(out NetlinkMessage message))
            {
                interrupted |= message.HasFlag(NLM_F_DUMP_INTR);
                if (message.Type == NLMSG_DONE)
                    return (items, NetlinkStatus.FromDone(message), interrupted);
                if (message.Type == NLMSG_ERROR)
                    return (items, NetlinkStatus.FromError(message), interrupted);
                if (parse(message) is { } item)
                    items.Add(item);
            }
        }
        throw new InvalidOperationException("recording ends before NLMSG_DONE");
    }

    public static NetlinkStatus Status(byte[] datagram)
    {
        var reader = new NetlinkReader(datagram);
        if (!reader.TryRead(out NetlinkMessage message) || message.Type != NLMSG_ERROR)
            throw new InvalidOperationException("not an NLMSG_ERROR datagram");
        return NetlinkStatus.FromError(message);
    }
}
