using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>
/// Listens to rtnetlink multicast groups in the namespace of the thread that opened it and turns
/// announcements into typed events. Not thread-safe: one reader at a time.
/// </summary>
public sealed class RtnlSubscription : IDisposable
{
    private readonly NetlinkSocket _socket;
    private readonly Queue<RtnlEvent> _pending = new();

    private RtnlSubscription(NetlinkSocket socket) => _socket = socket;

    public static RtnlSubscription Open(params RtnlGroup[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Length == 0)
            throw VpnnsException.Invalid("cannot subscribe", "no rtnetlink groups given");
        Span<int> numbers = stackalloc int[groups.Length];
        for (int i = 0; i < groups.Length; i++)
            numbers[i] = (int)groups[i];
        return new RtnlSubscription(NetlinkSocket.OpenForGroups(numbers));
    }

    /// <summary>
    /// Blocks until the next event. Throws VpnnsException with ENOBUFS when the kernel dropped events
    /// because they were not read fast enough; the caller must then re-read the state it tracks.
    /// </summary>
    public RtnlEvent Receive() => Receive(Timeout.InfiniteTimeSpan)!;

    /// <summary>The next event, or null when none arrived within <paramref name="timeout"/>.</summary>
    public RtnlEvent? Receive(TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
        while (_pending.Count == 0)
        {
            TimeSpan left = timeout == Timeout.InfiniteTimeSpan
                ? timeout
                : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            if (!_socket.WaitReadable(left))
                return null;
            ReadDatagram(_socket.ReceiveDatagram());
        }
        return _pending.Dequeue();
    }

    public void Dispose() => _socket.Dispose();

    private void ReadDatagram(ReadOnlySpan<byte> datagram)
    {
        var reader = new NetlinkReader(datagram);
        while (reader.TryRead(out NetlinkMessage message))
        {
            if (Parse(message) is { } item)
                _pending.Enqueue(item);
        }
    }

    /// <summary>One announcement as an event; null for message types a subscription does not report.</summary>
    internal static RtnlEvent? Parse(in NetlinkMessage message)
    {
        RtnlEventKind kind = message.Type is RTM_DELLINK or RTM_DELADDR or RTM_DELROUTE or RTM_DELNSID
            ? RtnlEventKind.Removed
            : RtnlEventKind.AddedOrChanged;
        return message.Type switch
        {
            RTM_NEWLINK or RTM_DELLINK => LinkReplies.Parse(message) is { } link ? new LinkEvent(kind, link) : null,
            RTM_NEWADDR or RTM_DELADDR => AddressReplies.Parse(message) is { } a ? new AddressEvent(kind, a) : null,
            RTM_NEWROUTE or RTM_DELROUTE => RouteReplies.Parse(message) is { } r ? new RouteEvent(kind, r) : null,
            RTM_NEWNSID or RTM_DELNSID => NsidReplies.Parse(message) is { } n ? new NsidEvent(kind, n) : null,
            _ => null,
        };
    }
}
