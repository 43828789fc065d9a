using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>
/// What may be bound over /etc. Programs inside read these files with root's trust (setuid programs
/// included: sudo reads /etc/sudoers), so only root may be able to change them.
/// </summary>
public static class OverlayRules
{
    /// <summary>Null if <paramref name="status"/> may be bound at the top level, else why not (for a message).</summary>
    public static string? TopLevelProblem(FileStatus status)
    {
        if (status.IsSymlink)
            return "symbolic link";
        if (!status.IsRegularFile && !status.IsDirectory)
            return "not a regular file or directory";
        return OwnershipProblem(status);
    }

    /// <summary>
    /// For everything below a bound directory: root-owned and not writable by group or others. Symlinks
    /// there are allowed (their own mode is meaningless; /etc/ssl/certs is made of them) but must be root's.
    /// </summary>
    public static string? NestedProblem(FileStatus status) =>
        status.IsSymlink ? (status.Uid == 0 ? null : "symbolic link not owned by root") : OwnershipProblem(status);

    /// <summary>For the directories /etc/netns and /etc/netns/NAME themselves.</summary>
    public static string? DirectoryProblem(FileStatus status) =>
        status.IsDirectory ? OwnershipProblem(status) : "not a directory";

    private static string? OwnershipProblem(FileStatus status)
    {
        if (status.Uid != 0)
            return "not owned by root";
        if (status.IsGroupOrWorldWritable)
            return "writable by group or others";
        return null;
    }
}
