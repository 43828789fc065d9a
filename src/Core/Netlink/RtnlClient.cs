using Vpnns.Interop;

namespace Vpnns.Netlink;

/// <summary>
/// An rtnetlink connection to one network namespace: the namespace of the thread that called Open,
/// for the socket's whole life. Safe to use from any thread; requests are serialised.
/// </summary>
public sealed partial class RtnlClient : IDisposable
{
    // Every request we build fits well within this: the largest is a veth pair with two names.
    private const int RequestCapacity = 256;

    private readonly NetlinkSocket _socket;
    private readonly Lock _lock = new();

    private RtnlClient(NetlinkSocket socket) => _socket = socket;

    /// <summary>Opens a NETLINK_ROUTE socket in the calling thread's current network namespace.</summary>
    public static RtnlClient Open() => new(NetlinkSocket.OpenForRequests());

    public void Dispose()
    {
        lock (_lock)
            _socket.Dispose();
    }

    private NetlinkStatus Execute(Span<byte> request)
    {
        lock (_lock)
            return _socket.Execute(request);
    }

    private NetlinkStatus Get<T>(Span<byte> request, MessageParser<T> parse, out T? reply) where T : class
    {
        lock (_lock)
            return _socket.Get(request, parse, out reply);
    }

    private List<T> Dump<T>(Span<byte> request, MessageParser<T> parse, string operation, string subject) where T : class
    {
        var items = new List<T>();
        NetlinkStatus status;
        lock (_lock)
            status = _socket.Dump(request, parse, items);
        return status.IsSuccess ? items : throw status.ToException(operation, subject);
    }

    // Error subjects name the device the way a person would: its name, looked up only once a
    // request has already failed so the success path costs nothing.
    private string DeviceLabel(int index)
    {
        Span<byte> buffer = stackalloc byte[RequestCapacity];
        NetlinkStatus status = Get(LinkRequests.Get(buffer, index), LinkReplies.Parse, out LinkInfo? link);
        return status.IsSuccess && link is not null ? link.Name : $"#{index}";
    }

    private static int FdNumber(in FdLease lease) => lease.DangerousNumber;
}
