using System.Runtime.InteropServices;

namespace Vpnns.Interop;

/// <summary>
/// Keeps a SafeHandle from being closed while its number is written into a request, so the kernel
/// never receives a number that was closed and reused by another thread in the meantime.
/// </summary>
internal ref struct FdLease
{
    private readonly SafeHandle _handle;
    private bool _added;

    private FdLease(SafeHandle handle)
    {
        _handle = handle;
        _added = false;
        handle.DangerousAddRef(ref _added);
    }

    /// <summary>The raw fd number; valid until Dispose.</summary>
    public readonly int DangerousNumber => (int)_handle.DangerousGetHandle();

    public static FdLease Dangerous(SafeHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return new FdLease(handle);
    }

    public void Dispose()
    {
        if (_added)
            _handle.DangerousRelease();
        _added = false;
    }
}
