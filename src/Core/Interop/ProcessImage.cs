using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>execve(2) with byte-exact arguments and environment.</summary>
public static class ProcessImage
{
    /// <summary>
    /// Replaces this process with <paramref name="path"/>. Returns only on failure, with the errno.
    /// Arguments and environment are passed byte for byte (no UTF-8 round trip).
    /// </summary>
    public static unsafe int TryExecute(byte[] path, IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> envp)
    {
        // One native block holds both pointer arrays and every string; freed only if execve fails,
        // because on success the address space it lives in is gone.
        nuint pointers = (nuint)(argv.Count + 1 + envp.Count + 1) * (nuint)sizeof(byte*);
        nuint size = pointers + (nuint)path.Length + 1 + StringBytes(argv) + StringBytes(envp);
        byte* block = (byte*)NativeMemory.Alloc(size);
        try
        {
            var table = (byte**)block;
            byte* cursor = block + pointers;
            byte* file = Copy(path, ref cursor);
            byte** args = table;
            byte** env = table + argv.Count + 1;
            for (int i = 0; i < argv.Count; i++)
                args[i] = Copy(argv[i], ref cursor);
            args[argv.Count] = null;
            for (int i = 0; i < envp.Count; i++)
                env[i] = Copy(envp[i], ref cursor);
            env[envp.Count] = null;
            Native.Execve(file, args, env);
            return Errno.Last();
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }

    private static nuint StringBytes(IReadOnlyList<byte[]> strings)
    {
        nuint total = 0;
        foreach (byte[] s in strings)
            total += (nuint)s.Length + 1;
        return total;
    }

    // Invariant: the caller sized the block for every string plus its NUL, so cursor stays inside it.
    private static unsafe byte* Copy(byte[] s, ref byte* cursor)
    {
        byte* start = cursor;
        s.AsSpan().CopyTo(new Span<byte>(cursor, s.Length));
        cursor[s.Length] = 0;
        cursor += s.Length + 1;
        return start;
    }
}
