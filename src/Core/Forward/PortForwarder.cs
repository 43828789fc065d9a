using System.Net;
using System.Net.Sockets;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Forward;

/// <summary>
/// `vpnnsctl forward`: a listening socket in this process's namespace, and for each connection accepted there a
/// connection opened from inside the named namespace to its loopback, with bytes relayed between the two. Nothing
/// is added to either namespace — no device, address or route — so nothing can route around the VPN.
/// </summary>
public sealed class PortForwarder : IDisposable
{
    private readonly Socket _listener;
    private readonly NamespaceSocketFactory _inside;
    private readonly string _namespaceName;
    private readonly ForwardSpec _spec;
    private readonly Action<string> _report;
    private readonly HashSet<Task> _connections = [];

    private PortForwarder(Socket listener, NamespaceSocketFactory inside, string namespaceName, ForwardSpec spec, Action<string> report)
    {
        _listener = listener;
        _inside = inside;
        _namespaceName = namespaceName;
        _spec = spec;
        _report = report;
    }

    /// <summary>The address and port connections are accepted on.</summary>
    public IPEndPoint Listening => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>
    /// Enters <paramref name="ns"/> (on a thread of its own) and starts listening; throws a one-line error for a
    /// namespace that cannot be entered or an address that cannot be bound. <paramref name="report"/> receives
    /// one line per connection that could not be made.
    /// </summary>
    public static PortForwarder Start(NamespaceHandle ns, string namespaceName, ForwardSpec spec, Action<string> report)
    {
        if (ns.Status.IsSameObject(NamespaceStore.StatNamespaceOfProcess(0)))
            throw VpnnsException.Invalid("refusing to forward into this process's own network namespace",
                $"{NamespaceName.Quote(namespaceName)} (it would connect back to the same loopback)");
        var inside = NamespaceSocketFactory.Start(ns);
        try
        {
            return new PortForwarder(Listen(spec.Listen), inside, namespaceName, spec, report);
        }
        catch
        {
            inside.Dispose();
            throw;
        }
    }

    /// <summary>Accepts and relays until <paramref name="cancel"/>; then closes every connection and returns.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                continue; // the client gave up before we got to it
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
            {
                // Out of descriptors or memory: the next connection may fit once others have closed.
                _report($"cannot accept on {Listening}: {Errno.Describe(e.NativeErrorCode)}");
                try { await Task.Delay(100, cancel).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                continue;
            }
            catch (SocketException e)
            {
                throw new VpnnsException("cannot accept on", Listening.ToString(), e.NativeErrorCode);
            }
            Track(ServeAsync(client, cancel));
        }
        Task[] open;
        lock (_connections)
            open = [.. _connections];
        await Task.WhenAll(open).ConfigureAwait(false);
    }

    private void Track(Task connection)
    {
        lock (_connections)
            _connections.Add(connection);
        connection.ContinueWith(done =>
        {
            lock (_connections)
                _connections.Remove(done);
        }, TaskScheduler.Default);
    }

    private async Task ServeAsync(Socket client, CancellationToken cancel)
    {
        string from = client.RemoteEndPoint?.ToString() ?? "?";
        Socket? inside = null;
        try
        {
            inside = await ConnectInsideAsync(from, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _report($"connection from {from}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
        }
        if (inside is null)
        {
            // The client sees "connection reset": the nearest a TCP client can be told "refused" after accept.
            TcpRelay.Reset(client);
            client.Dispose();
            return;
        }
        await TcpRelay.RunAsync(client, inside, cancel).ConfigureAwait(false);
    }

    /// <summary>The first of the inside loopback targets that accepts, or null after reporting why none did.</summary>
    private async Task<Socket?> ConnectInsideAsync(string from, CancellationToken cancel)
    {
        var failures = new List<(IPEndPoint Target, int Errno)>();
        foreach (var target in _spec.InsideTargets)
        {
            Socket? socket = null;
            try
            {
                socket = await _inside.CreateTcpAsync(target.AddressFamily).ConfigureAwait(false);
                await socket.ConnectAsync(target, cancel).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e)
            {
                socket?.Dispose();
                failures.Add((target, e.NativeErrorCode));
            }
            catch
            {
                socket?.Dispose();
                throw;
            }
        }
        _report($"connection from {from}: {DescribeFailures(failures)}");
        return null;
    }

    private string DescribeFailures(List<(IPEndPoint Target, int Errno)> failures)
    {
        string where = "in " + NamespaceName.Quote(_namespaceName);
        if (failures.All(f => f.Errno == failures[0].Errno))
            return $"cannot connect to {string.Join(" or ", failures.Select(f => f.Target))} {where}: {Errno.Describe(failures[0].Errno)}";
        return $"cannot connect {where} to " + string.Join("; to ", failures.Select(f => $"{f.Target}: {Errno.Describe(f.Errno)}"));
    }

    private const int SolSocket = 1;   // SOL_SOCKET
    private const int SoReuseAddr = 2; // SO_REUSEADDR

    private static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // SO_REUSEADDR alone lets a restarted forward bind while connections of the last run linger in
            // TIME_WAIT, and Linux still refuses a port another socket listens on. Not SocketOptionName.ReuseAddress:
            // on Linux .NET sets SO_REUSEPORT with it, and a second forward would then share the port silently.
            socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            socket.Bind(endpoint);
            socket.Listen(512);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new VpnnsException("cannot listen on", endpoint.ToString(), e.NativeErrorCode);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _inside.Dispose();
    }
}
