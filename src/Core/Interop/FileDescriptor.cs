using Microsoft.Win32.SafeHandles;

namespace Vpnns.Interop;

/// <summary>An owned file descriptor. Always opened close-on-exec.</summary>
public sealed class FileDescriptor : SafeHandleMinusOneIsInvalid
{
    public FileDescriptor() : base(ownsHandle: true) { }

    internal FileDescriptor(int fd) : base(ownsHandle: true) => SetHandle(fd);

    /// <summary>The raw number; valid only while this handle is alive and not disposed.</summary>
    public int DangerousNumber => (int)handle;

    // Never retry close on EINTR: the number may already belong to someone else.
    protected override bool ReleaseHandle() => Native.Close((int)handle) == 0;
}
