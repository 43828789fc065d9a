using System.Text;
using Tmds.Linux;

namespace Vpnns.Interop;

/// <summary>
/// A line-at-a-time writer straight to fd 2. The hooks log through this instead of <see cref="Console.Error"/>:
/// Console's first use sets up encodings, terminal handling and the runtime's signal-handling thread, a
/// measurable share of a hook run that OpenVPN waits for (bench/hook). Each line is one write(2), so lines from
/// concurrent hooks and from OpenVPN itself never interleave mid-line.
/// </summary>
public sealed unsafe class StandardErrorWriter : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (value == '\n')
            Flush();
    }

    public override void Write(string? value)
    {
        _pending.Append(value);
        if (value is not null && value.EndsWith('\n'))
            Flush();
    }

    public override void WriteLine(string? value)
    {
        _pending.Append(value).Append('\n');
        Flush();
    }

    public override void Flush()
    {
        if (_pending.Length == 0)
            return;
        byte[] bytes = Encoding.UTF8.GetBytes(_pending.ToString());
        _pending.Clear();
        fixed (byte* start = bytes)
        {
            int done = 0;
            while (done < bytes.Length)
            {
                ssize_t n = LibC.write(2, start + done, bytes.Length - done);
                // Logging must never fail a hook: a closed or full stderr loses the line, nothing else.
                if (n <= 0 && Errno.Last() != Errno.EINTR)
                    return;
                if (n > 0)
                    done += (int)n;
            }
        }
    }
}
