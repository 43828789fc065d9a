namespace Vpnns.Interop;

/// <summary>The parts of struct stat we use: identity, type, ownership and mode.</summary>
public readonly record struct FileStatus(ulong Device, ulong Inode, uint Mode, uint Uid, uint Gid, long Size = 0)
{
    private const uint S_IFMT = 0xF000;
    public bool IsRegularFile => (Mode & S_IFMT) == 0x8000;
    public bool IsDirectory => (Mode & S_IFMT) == 0x4000;
    public bool IsSymlink => (Mode & S_IFMT) == 0xA000;
    public bool IsSocket => (Mode & S_IFMT) == 0xC000;
    public bool IsCharacterDevice => (Mode & S_IFMT) == 0x2000;

    /// <summary>True when group or others may write (S_IWGRP | S_IWOTH).</summary>
    public bool IsGroupOrWorldWritable => (Mode & 0x12) != 0;

    /// <summary>Same object: device and inode both match (how namespaces are identified).</summary>
    public bool IsSameObject(FileStatus other) => Device == other.Device && Inode == other.Inode;
}
