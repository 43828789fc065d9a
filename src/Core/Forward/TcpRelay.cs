using System.Buffers;
using System.Net.Sockets;

namespace Vpnns.Forward;

/// <summary>
/// Copies bytes both ways between two connected TCP sockets until both directions have ended. An end of file
/// on one side becomes a shutdown of sending on the other (half-close), so a client that shuts down its writing
/// side still gets the whole reply. An error on either side resets both: the peers see the connection broken,
/// never a clean end that did not happen.
/// </summary>
public sealed class TcpRelay
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _a;
    private readonly Socket _b;
    private readonly CancellationTokenSource _stop;
    private SocketException? _error;

    private TcpRelay(Socket a, Socket b, CancellationToken cancel)
    {
        _a = a;
        _b = b;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    }

    /// <summary>
    /// Relays until both directions reached end of file, an error, or <paramref name="cancel"/>; then closes both
    /// sockets (it owns them). Returns the first error, or null.
    /// </summary>
    public static async Task<SocketException?> RunAsync(Socket a, Socket b, CancellationToken cancel)
    {
        var relay = new TcpRelay(a, b, cancel);
        try
        {
            await Task.WhenAll(relay.PumpAsync(a, b), relay.PumpAsync(b, a)).ConfigureAwait(false);
            if (relay._stop.IsCancellationRequested)
            {
                // Broken or interrupted halfway: a reset tells each peer so, where a FIN would look like the end.
                Reset(a);
                Reset(b);
            }
            return relay._error;
        }
        finally
        {
            a.Dispose();
            b.Dispose();
            relay._stop.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                int received = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                for (int sent = 0; sent < received;)
                    sent += await to.SendAsync(buffer.AsMemory(sent, received - sent), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (SocketException e)
        {
            Interlocked.CompareExchange(ref _error, e, null);
            _stop.Cancel();
        }
        catch (OperationCanceledException)
        {
            // The other direction failed, or the whole forward is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Closing with a zero linger time sends RST instead of FIN.</summary>
    public static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to tell it.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
