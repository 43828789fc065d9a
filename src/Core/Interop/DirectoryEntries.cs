using System.Text;

namespace Vpnns.Interop;

/// <summary>One entry of a directory read through its descriptor; "." and ".." are never listed.</summary>
public readonly record struct DirectoryEntry(string Name, byte Type)
{
    public const byte DT_UNKNOWN = 0;
    public const byte DT_DIR = 4;
    public const byte DT_REG = 8;
    public const byte DT_LNK = 10;
}

/// <summary>getdents64 over an open directory descriptor, so the listing is of the object we verified.</summary>
public static class DirectoryEntries
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Reads all entries; throws if there are more than <paramref name="limit"/>.</summary>
    public static unsafe List<DirectoryEntry> Read(FileDescriptor dir, string displayPath, int limit = 4096)
    {
        var entries = new List<DirectoryEntry>();
        byte[] buffer = new byte[8192];
        while (true)
        {
            nint n;
            fixed (byte* p = buffer)
                n = Native.GetDents64(dir, p, (nuint)buffer.Length);
            if (n < 0)
                throw new VpnnsException("cannot list directory", displayPath, Errno.Last());
            if (n == 0)
                return entries;
            Parse(buffer.AsSpan(0, (int)n), entries, displayPath);
            if (entries.Count > limit)
                throw new VpnnsException("too many entries in", displayPath);
        }
    }

    // struct linux_dirent64: d_ino u64 @0, d_off s64 @8, d_reclen u16 @16, d_type u8 @18, d_name @19 (NUL-terminated).
    private static void Parse(ReadOnlySpan<byte> records, List<DirectoryEntry> entries, string displayPath)
    {
        while (records.Length >= 19)
        {
            int length = BitConverter.ToUInt16(records[16..18]);
            if (length < 19 || length > records.Length)
                throw new VpnnsException("malformed directory listing of", displayPath);
            ReadOnlySpan<byte> name = records[19..length];
            int nul = name.IndexOf((byte)0);
            if (nul >= 0)
                name = name[..nul];
            if (!(name.SequenceEqual("."u8) || name.SequenceEqual(".."u8)))
                entries.Add(new DirectoryEntry(Decode(name, displayPath), records[18]));
            records = records[length..];
        }
    }

    private static string Decode(ReadOnlySpan<byte> name, string displayPath)
    {
        try
        {
            return StrictUtf8.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            throw new VpnnsException("file name is not valid UTF-8 in", displayPath);
        }
    }
}
