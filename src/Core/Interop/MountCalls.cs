using System.Runtime.InteropServices;
using System.Text;

namespace Vpnns.Interop;

/// <summary>The calls that build a private /etc inside the launcher's own mount namespace.</summary>
public static unsafe class MountCalls
{
    private const int MaxLinkLength = 4096;

    /// <summary>Mounts a fresh tmpfs on <paramref name="target"/> with the given options (e.g. "mode=0755,size=1m").</summary>
    public static void MountTmpfs(string source, string target, ulong flags, string options)
    {
        if (Native.MountWithData(source, target, "tmpfs", flags, options) != 0)
            throw new VpnnsException("cannot mount tmpfs on", target, Errno.Last());
    }

    /// <summary>Bind-mounts <paramref name="source"/> (recursively) over <paramref name="target"/>; returns the errno.</summary>
    public static int TryBind(string source, string target) =>
        Native.Mount(source, target, null, Native.MS_BIND | Native.MS_REC, 0) == 0 ? 0 : Errno.Last();

    /// <summary>Makes the mount at <paramref name="target"/> itself read-only; mounts below it keep their own flags.</summary>
    public static void RemountReadOnly(string target, ulong keepFlags)
    {
        ulong flags = Native.MS_REMOUNT | Native.MS_BIND | Native.MS_RDONLY | keepFlags;
        if (Native.Mount(null, target, null, flags, 0) != 0)
            throw new VpnnsException("cannot make read-only", target, Errno.Last());
    }

    public static void CreateSymlink(string target, string linkPath)
    {
        if (Native.Symlink(target, linkPath) != 0)
            throw new VpnnsException("cannot create symbolic link", linkPath, Errno.Last());
    }

    public static void CreateDirectory(string path, uint mode)
    {
        int errno = LibcCalls.TryMkdir(path, mode);
        if (errno != 0)
            throw new VpnnsException("cannot create directory", path, errno);
    }

    /// <summary>An empty file to mount over; it must not exist yet.</summary>
    public static void CreateEmptyFile(string path, uint mode)
    {
        if (Native.MkNod(path, Native.S_IFREG | mode, 0) != 0)
            throw new VpnnsException("cannot create", path, Errno.Last());
    }

    /// <summary>The target text of the symlink <paramref name="name"/> in <paramref name="dir"/>.</summary>
    public static string ReadLink(SafeHandle dir, string name, string displayPath)
    {
        byte* buffer = stackalloc byte[MaxLinkLength];
        nint n = Native.ReadLinkAt(dir, name, buffer, MaxLinkLength);
        if (n < 0)
            throw new VpnnsException("cannot read symbolic link", displayPath, Errno.Last());
        if (n >= MaxLinkLength)
            throw new VpnnsException("symbolic link too long", displayPath);
        return Encoding.UTF8.GetString(buffer, (int)n);
    }
}
