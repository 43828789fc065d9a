using System.Text;
using Vpnns.Interop;

namespace Vpnns.Exec;

/// <summary>A process of the user as the single-instance guard sees it: its executable and network namespace, by device and inode.</summary>
public readonly record struct RunningProcess(int Pid, uint RealUid, FileStatus Executable, FileStatus Network);

/// <summary>
/// Single-instance programs (Firefox, many terminals) hand a new request to an instance already running, so
/// a window asked for inside the VPN would open outside it. Before exec, vpnns-exec looks for the same
/// executable file already running for the same real uid in another network namespace and refuses.
/// The scan runs after the privilege drop, as the user: /proc shows it exactly what `ls -l /proc/PID/exe`
/// would show the user, and only processes the user owns are looked at (others' are never stat'ed beyond
/// their /proc directory's owner, so no ptrace access check is made on them and nothing about them is learnt).
/// </summary>
public static class InstanceGuard
{
    /// <summary>
    /// Pure decision: the first process that is not us, has real uid <paramref name="uid"/>, runs
    /// <paramref name="executable"/> and is in a network namespace other than <paramref name="target"/>; else null.
    /// </summary>
    public static RunningProcess? Conflict(uint uid, FileStatus executable, FileStatus target, int selfPid,
        IEnumerable<RunningProcess> processes)
    {
        foreach (var p in processes)
        {
            if (p.Pid != selfPid && p.RealUid == uid && p.Executable.IsSameObject(executable) && !p.Network.IsSameObject(target))
                return p;
        }
        return null;
    }

    /// <summary>The refusal for <paramref name="command"/> found running as <paramref name="other"/>.</summary>
    public static VpnnsException Refusal(byte[] command, RunningProcess other) =>
        new("refusing to start a second instance",
            $"{ByteStrings.Quote(command)} already runs outside this namespace (pid {other.Pid}) and may take over the request, " +
            "bypassing the VPN; give it a separate profile (e.g. firefox --new-instance --profile DIR) or pass --allow-other-instance",
            exitCode: ExitCodes.LauncherFailure);

    /// <summary>
    /// Throws <see cref="Refusal"/> when COMMAND (looked up in PATH as exec will) is already running elsewhere.
    /// Must run after the privilege drop and after entering the target namespace. Login shells listed in
    /// /etc/shells are exempt: they never hand work to another instance, and a shell is what most people start.
    /// </summary>
    public static void Apply(byte[] command, IReadOnlyList<byte[]> environment)
    {
        if (Resolve(command, environment) is not { } executable || IsLoginShell(executable))
            return;
        if (LibcCalls.TryStat("/proc/self/ns/net", followSymlinks: true, out var target) != 0)
            return; // no /proc: nothing to compare with, and exec must not depend on it
        uint uid = CredentialCalls.UserIds().Real;
        if (Conflict(uid, executable, target, Environment.ProcessId, Scan(uid, executable)) is { } other)
            throw Refusal(command, other);
    }

    // The file exec will run: the first PATH candidate that is a regular file with an execute bit.
    private static FileStatus? Resolve(byte[] command, IReadOnlyList<byte[]> environment)
    {
        foreach (byte[] candidate in CommandResolver.Candidates(command, ByteStrings.Lookup(environment, "PATH"u8)))
        {
            if (LibcCalls.TryStat(Encoding.UTF8.GetString(candidate), followSymlinks: true, out var st) == 0
                && st.IsRegularFile && (st.Mode & 0x49) != 0)
                return st;
        }
        return null;
    }

    private static bool IsLoginShell(FileStatus executable)
    {
        string? shells;
        try
        {
            shells = SmallFile.ReadOrNull("/etc/shells");
        }
        catch (VpnnsException)
        {
            return false; // unreadable: no exemption, the guard stays on
        }
        foreach (string line in (shells ?? "").Split('\n'))
        {
            string path = line.Trim();
            if (path.StartsWith('/') && LibcCalls.TryStat(path, followSymlinks: true, out var st) == 0 && st.IsSameObject(executable))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The user's processes running <paramref name="executable"/>. /proc/PID's owner (its effective uid) filters
    /// first without touching the process; only then are exe, ns/net and the real uid read. A process that
    /// exits meanwhile just drops out.
    /// </summary>
    private static IEnumerable<RunningProcess> Scan(uint uid, FileStatus executable)
    {
        List<DirectoryEntry> entries;
        using (var proc = FileSystemCalls.OpenDirectory(null, "/proc", "/proc"))
            entries = DirectoryEntries.Read(proc, "/proc", limit: 1 << 22);
        foreach (var entry in entries)
        {
            if (!int.TryParse(entry.Name, out int pid) || pid <= 0)
                continue;
            string dir = "/proc/" + entry.Name;
            if (LibcCalls.TryStat(dir, followSymlinks: false, out var owner) != 0 || owner.Uid != uid)
                continue;
            if (LibcCalls.TryStat(dir + "/exe", followSymlinks: true, out var exe) != 0 || !exe.IsSameObject(executable))
                continue;
            if (LibcCalls.TryStat(dir + "/ns/net", followSymlinks: true, out var net) != 0)
                continue;
            if (RealUid(dir) is { } real)
                yield return new RunningProcess(pid, real, exe, net);
        }
    }

    /// <summary>The first field of the "Uid:" line of /proc/PID/status (real, effective, saved, fs).</summary>
    public static uint? ParseRealUid(string status)
    {
        foreach (string line in status.Split('\n'))
        {
            if (!line.StartsWith("Uid:", StringComparison.Ordinal))
                continue;
            string[] fields = line["Uid:".Length..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && uint.TryParse(fields[0], out uint uid) ? uid : null;
        }
        return null;
    }

    private static uint? RealUid(string dir)
    {
        try
        {
            return SmallFile.ReadOrNull(dir + "/status") is { } text ? ParseRealUid(text) : null;
        }
        catch (VpnnsException)
        {
            return null; // the process went away while we read it: it is no longer a conflict
        }
    }
}
