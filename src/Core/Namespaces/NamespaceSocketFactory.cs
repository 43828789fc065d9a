using System.Collections.Concurrent;
using System.Net.Sockets;
using Vpnns.Interop;

namespace Vpnns.Namespaces;

/// <summary>
/// Makes TCP sockets that belong to another network namespace. A socket's namespace is fixed when socket(2)
/// runs, from the calling thread's namespace; after that it may be used from any thread. So one dedicated
/// thread enters the namespace once and only ever creates sockets there — it runs no other work, and no pool
/// thread ever changes namespace.
/// </summary>
public sealed class NamespaceSocketFactory : IDisposable
{
    private readonly BlockingCollection<Request> _requests = new();
    private readonly Thread _thread;

    private readonly record struct Request(AddressFamily Family, TaskCompletionSource<Socket> Result);

    private NamespaceSocketFactory(NamespaceHandle ns, TaskCompletionSource entered)
    {
        _thread = new Thread(() => Serve(ns, entered), maxStackSize: 256 * 1024) { IsBackground = true, Name = "vpnns-netns-sockets" };
    }

    /// <summary>Starts the thread and enters <paramref name="ns"/> on it; throws what setns reported.</summary>
    public static NamespaceSocketFactory Start(NamespaceHandle ns)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var factory = new NamespaceSocketFactory(ns, entered);
        factory._thread.Start();
        try
        {
            entered.Task.GetAwaiter().GetResult();
        }
        catch
        {
            factory._thread.Join();
            throw;
        }
        return factory;
    }

    /// <summary>A new, unconnected TCP socket of <paramref name="family"/> inside the namespace.</summary>
    /// <remarks>Continuations run on the pool, never on the namespace thread.</remarks>
    public Task<Socket> CreateTcpAsync(AddressFamily family)
    {
        var result = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _requests.Add(new Request(family, result));
        }
        catch (InvalidOperationException) // also ObjectDisposedException: disposed meanwhile
        {
            result.SetException(new ObjectDisposedException(nameof(NamespaceSocketFactory)));
        }
        return result.Task;
    }

    private void Serve(NamespaceHandle ns, TaskCompletionSource entered)
    {
        try
        {
            LibcCalls.SetNetworkNamespace(ns.Fd, ns.Path);
        }
        catch (Exception e)
        {
            entered.SetException(e);
            return;
        }
        entered.SetResult();
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            try
            {
                request.Result.SetResult(new Socket(request.Family, SocketType.Stream, ProtocolType.Tcp));
            }
            catch (SocketException e)
            {
                request.Result.SetException(e); // e.g. EAFNOSUPPORT: IPv6 disabled inside
            }
        }
    }

    /// <summary>Lets the thread finish the requests already made, then end (leaving the namespace with it).</summary>
    public void Dispose()
    {
        _requests.CompleteAdding();
        _thread.Join();
        _requests.Dispose();
    }
}
