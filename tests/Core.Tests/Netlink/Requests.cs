namespace Vpnns.Tests.Netlink;

/// <summary>Runs a request builder into a fresh buffer and stamps sequence 1, as the socket would for its first request.</summary>
internal static class Requests
{
    public static byte[] Build(Func<Span<byte>, Span<byte>> builder)
    {
        Span<byte> message = builder(new byte[512]);
        message[8] = 1;
        return message.ToArray();
    }
}
