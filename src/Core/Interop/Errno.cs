using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>errno values we branch on, and their strerror text.</summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int E2BIG = 7;
    public const int ENOEXEC = 8;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;
    public const int ENOSPC = 28;
    public const int ERANGE = 34;
    public const int ENAMETOOLONG = 36;
    public const int ENOSYS = 38;
    public const int ENOTEMPTY = 39;
    public const int ELOOP = 40;
    public const int ENODATA = 61;
    public const int EPROTO = 71;
    public const int EMSGSIZE = 90;
    public const int ENOPROTOOPT = 92;
    public const int ENOBUFS = 105;
    public const int ENETUNREACH = 101;
    public const int EHOSTUNREACH = 113;
    public const int EADDRNOTAVAIL = 99;
    public const int EOPNOTSUPP = 95;
    public const int EBADFD = 77;
    public const int ETIMEDOUT = 110;
    public const int ESTALE = 116;

    /// <summary>The C library's text for an errno, e.g. "Operation not permitted".</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>The errno of the P/Invoke that just returned; read it before any other call.</summary>
    internal static int Last() => Marshal.GetLastPInvokeError();
}
