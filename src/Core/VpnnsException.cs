using Vpnns.Interop;

namespace Vpnns;

/// <summary>The one error type: an operation, the thing it was applied to, and the errno (0 for invalid input).</summary>
public sealed class VpnnsException : Exception
{
    public VpnnsException(string operation, string subject, int errno = 0, string? kernelDetail = null, int? exitCode = null)
        : base(Compose(operation, subject, errno, kernelDetail))
    {
        Operation = operation;
        Subject = subject;
        Errno = errno;
        KernelDetail = kernelDetail;
        _exitCode = exitCode;
    }

    private readonly int? _exitCode;

    /// <summary>What was attempted, e.g. "cannot move device into namespace".</summary>
    public string Operation { get; }

    /// <summary>What it was attempted on: a path, a name, "tun0 -> corp", "route_gateway_2=abc".</summary>
    public string Subject { get; }

    /// <summary>The errno reported by the kernel or libc; 0 when the input itself was invalid.</summary>
    public int Errno { get; }

    /// <summary>The netlink extended-ack text, when the kernel gave one.</summary>
    public string? KernelDetail { get; }

    /// <summary>The exit status for this error: set explicitly (vpnns-exec's 125/126/127), else from <see cref="Errno"/>.</summary>
    public int ExitCode => _exitCode ?? (Errno == 0 ? ExitCodes.InvalidInput : ExitCodes.Failure);

    /// <summary>The same error with an explicit exit status.</summary>
    public VpnnsException WithExitCode(int exitCode) => new(Operation, Subject, Errno, KernelDetail, exitCode);

    /// <summary>Invalid input, reported without an errno.</summary>
    public static VpnnsException Invalid(string what, string subject) => new(what, subject);

    private static string Compose(string operation, string subject, int errno, string? detail) =>
        errno == 0
            ? $"{operation}: {subject}"
            : $"{operation} {subject}: {Interop.Errno.Describe(errno)}" + (detail is null ? "" : $" ({detail})");
}
