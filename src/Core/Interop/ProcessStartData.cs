namespace Vpnns.Interop;

/// <summary>
/// The argument and environment blocks exactly as the kernel received them from our caller, as raw bytes.
/// The runtime's string[] args is decoded as UTF-8 (invalid bytes lost), and glibc removes variables such
/// as LD_* and TMPDIR from environ in a setuid process; /proc/self keeps the original bytes (reference.md 6.4).
/// </summary>
public static class ProcessStartData
{
    public static byte[][] ReadArguments() => SplitNulTerminated(ReadProcFile("/proc/self/cmdline"));

    public static byte[][] ReadEnvironment() => SplitNulTerminated(ReadProcFile("/proc/self/environ"));

    /// <summary>Splits "a\0b\0" into ["a", "b"]; a missing final NUL still ends the last entry.</summary>
    public static byte[][] SplitNulTerminated(ReadOnlySpan<byte> block)
    {
        var parts = new List<byte[]>();
        while (!block.IsEmpty)
        {
            int end = block.IndexOf((byte)0);
            if (end < 0)
                end = block.Length;
            parts.Add(block[..end].ToArray());
            block = end < block.Length ? block[(end + 1)..] : default;
        }
        return parts.ToArray();
    }

    /// <summary>Reads a /proc file to its end (their size is not known in advance: stat reports 0).</summary>
    public static unsafe byte[] ReadProcFile(string path)
    {
        using var fd = LibcCalls.Open(path, Native.O_RDONLY);
        byte[] buffer = new byte[4096];
        int used = 0;
        while (true)
        {
            if (used == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            nint n;
            fixed (byte* p = &buffer[used])
                n = Native.Read(fd, p, (nuint)(buffer.Length - used));
            if (n < 0)
            {
                int errno = Errno.Last();
                if (errno == Errno.EINTR)
                    continue;
                throw new VpnnsException("cannot read", path, errno);
            }
            if (n == 0)
                return buffer.AsSpan(0, used).ToArray();
            used += (int)n;
        }
    }
}
