using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// Finds and executes COMMAND the way execvp(3) does, in the caller's PATH and with their environment, after
/// the privilege drop, so every permission check is the caller's own.
/// </summary>
public static class CommandResolver
{
    /// <summary>glibc's execvp default when PATH is unset.</summary>
    public static readonly byte[] DefaultPath = "/bin:/usr/bin"u8.ToArray();

    private static readonly byte[] Shell = "/bin/sh"u8.ToArray();


    /// <summary>
    /// The files to try, in order: COMMAND itself if it contains a '/', else each PATH directory + "/" +
    /// COMMAND, an empty PATH entry meaning the current directory.
    /// </summary>
    public static List<byte[]> Candidates(byte[] command, byte[]? pathVariable)
    {
        if (command.AsSpan().Contains((byte)'/'))
            return [command];
        var candidates = new List<byte[]>();
        if (command.Length == 0)
            return candidates;
        ReadOnlySpan<byte> rest = pathVariable ?? DefaultPath;
        while (true)
        {
            int colon = rest.IndexOf((byte)':');
            ReadOnlySpan<byte> dir = colon < 0 ? rest : rest[..colon];
            candidates.Add(dir.IsEmpty ? command : [.. dir, (byte)'/', .. command]);
            if (colon < 0)
                return candidates;
            rest = rest[(colon + 1)..];
        }
    }

    /// <summary>execvp's rule: after these errors the search goes on with the next PATH entry.</summary>
    public static bool ContinuesSearch(int errno) =>
        errno is Errno.ENOENT or Errno.ENOTDIR or Errno.EACCES or Errno.ENODEV or Errno.ESTALE or Errno.ETIMEDOUT;

    /// <summary>127 when nothing was found, 126 when something was found but could not run.</summary>
    public static int ExitCodeFor(int errno) =>
        errno is Errno.ENOENT or Errno.ENOTDIR ? ExitCodes.CommandNotFound : ExitCodes.CommandNotExecutable;

    /// <summary>Replaces this process with COMMAND; throws (exit 126 or 127) only if no candidate could run.</summary>
    public static void Execute(IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        byte[] command = argv[0];
        bool sawAccessDenied = false;
        int errno = Errno.ENOENT;
        foreach (byte[] candidate in Candidates(command, ByteStrings.Lookup(environment, "PATH"u8)))
        {
            errno = ProcessImage.TryExecute(candidate, argv, environment);
            if (errno == Errno.ENOEXEC)
                errno = RunAsScript(candidate, argv, environment);
            if (!ContinuesSearch(errno))
                break;
            sawAccessDenied |= errno == Errno.EACCES;
        }
        if (sawAccessDenied && ContinuesSearch(errno))
            errno = Errno.EACCES;
        throw new VpnnsException("cannot run", ByteStrings.Quote(command), errno, exitCode: ExitCodeFor(errno));
    }

    // A file without a #! line that the kernel will not run: execvp hands it to /bin/sh.
    private static int RunAsScript(byte[] file, IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        var shellArgv = new List<byte[]>(argv.Count + 1) { Shell, file };
        for (int i = 1; i < argv.Count; i++)
            shellArgv.Add(argv[i]);
        int errno = ProcessImage.TryExecute(Shell, shellArgv, environment);
        return errno == Errno.ENOENT ? Errno.ENOEXEC : errno;
    }
}
