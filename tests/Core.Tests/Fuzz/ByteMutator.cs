using System.Buffers.Binary;
using System.Text;

namespace Vpnns.Tests.Fuzz;

/// <summary>
/// A small seeded mutator in the spirit of libFuzzer's: the hostile shapes the parsers must refuse cleanly
/// (cut short, grown, bytes flipped, 16/32-bit lengths rewritten, misaligned, hostile text spliced in).
/// </summary>
internal static class ByteMutator
{
    private static readonly byte[][] Splices =
    [
        "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\0"u8.ToArray(), ";"u8.ToArray(), " "u8.ToArray(),
        "\nnameserver 6.6.6.6"u8.ToArray(), "%eth0"u8.ToArray(), "/33"u8.ToArray(), "::"u8.ToArray(),
        "999999999999"u8.ToArray(), "-1"u8.ToArray(), "dhcp-option DNS "u8.ToArray(), "dhcp-option DOMAIN "u8.ToArray(),
        Encoding.UTF8.GetBytes("\u00e9\u202e"), [0xff, 0xfe], [0xff, 0xff, 0xff, 0xff],
    ];

    public static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:   // truncated
                    int cut = random.Next(data.Count);
                    data.RemoveRange(cut, data.Count - cut);
                    break;
                case 1:                       // oversized: trailing garbage
                    data.AddRange(Enumerable.Range(0, 1 + random.Next(64)).Select(_ => (byte)random.Next(256)));
                    break;
                case 2 when data.Count > 0:   // flipped bits
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 3 when data.Count >= 2:  // a 16-bit length (nlattr, nlmsg type) rewritten
                    Write16(data, random.Next(data.Count - 1), Interesting16(random));
                    break;
                case 4 when data.Count >= 4:  // a 32-bit length (nlmsghdr) rewritten
                    Write32(data, random.Next(data.Count - 3), Interesting32(random));
                    break;
                case 5 when data.Count > 0:   // misaligned: bytes inserted or removed mid-way
                    int at = random.Next(data.Count);
                    if (random.Next(2) == 0) data.InsertRange(at, new byte[1 + random.Next(3)]);
                    else data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(3)));
                    break;
                case 6:                       // hostile text spliced in
                    data.InsertRange(random.Next(data.Count + 1), Splices[random.Next(Splices.Length)]);
                    break;
                case 7 when data.Count > 0:   // a chunk duplicated (repeated attributes, variables)
                    int start = random.Next(data.Count);
                    int length = Math.Min(data.Count - start, 1 + random.Next(32));
                    data.InsertRange(random.Next(data.Count + 1), data.GetRange(start, length));
                    break;
                default:
                    break;
            }
        }
        return [.. data];
    }

    private static ushort Interesting16(Random random) =>
        random.Next(3) switch { 0 => 0, 1 => (ushort)random.Next(1, 9), _ => (ushort)random.Next(ushort.MaxValue + 1) };

    private static uint Interesting32(Random random) =>
        random.Next(4) switch { 0 => 0, 1 => 15, 2 => uint.MaxValue, _ => (uint)random.Next(0, 4096) };

    private static void Write16(List<byte> data, int at, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        data[at] = b[0];
        data[at + 1] = b[1];
    }

    private static void Write32(List<byte> data, int at, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        for (int i = 0; i < 4; i++)
            data[at + i] = b[i];
    }
}
