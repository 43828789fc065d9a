using System.Text;

namespace Vpnns.Interop;

/// <summary>
/// Unbuffered writes to fd 1 and 2. The setuid launcher avoids System.Console: its first use reads
/// TERM/TERMINFO-selected files, installs signal handlers and starts a thread, all while privileged.
/// </summary>
public static class StandardStreams
{
    public static void WriteError(string text) => WriteAll(2, Encoding.UTF8.GetBytes(text));

    public static void WriteOutput(string text) => WriteAll(1, Encoding.UTF8.GetBytes(text));

    // Errors are ignored: there is nowhere left to report a failure to write to stderr.
    private static unsafe void WriteAll(int fd, byte[] bytes)
    {
        int done = 0;
        while (done < bytes.Length)
        {
            nint n;
            fixed (byte* p = &bytes[done])
                n = Native.Write(fd, p, (nuint)(bytes.Length - done));
            if (n < 0 && Errno.Last() == Errno.EINTR)
                continue;
            if (n <= 0)
                return;
            done += (int)n;
        }
    }
}
