namespace Vpnns.Tests.Package;

/// <summary>
/// A writable copy of the cached Debian 12 tree (scripts/test-rootfs) for one test: an overlayfs whose upper
/// directory lives in a fresh temporary directory. Every <see cref="Run"/> mounts it again in a private mount
/// namespace of its own and chroots into it, so no mount outlives the command and the cached tree and the host
/// are never written; what a command changed stays in the upper directory for the next one.
/// </summary>
public sealed class ThrowawayRoot : IDisposable
{
    /// <summary>Where <see cref="HostDirectory"/> appears inside the root.</summary>
    public const string Shared = "/tmp/vpnns-test-share";

    private const string Mounter = """
        set -e
        lower=$1 dir=$2; shift 2
        mount -t overlay overlay -o "lowerdir=$lower,upperdir=$dir/upper,workdir=$dir/work" "$dir/root"
        mount -t proc proc "$dir/root/proc"
        mount --bind /dev "$dir/root/dev"
        mkdir -p "$dir/root/tmp/vpnns-test-share"
        mount --bind "$dir/share" "$dir/root/tmp/vpnns-test-share"
        exec chroot "$dir/root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 /bin/sh -c "$1"
        """;

    private readonly string _lower;
    private readonly string _dir;

    public ThrowawayRoot()
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("the package tests need root (overlay mounts, chroot)");
        _lower = ChildProcess.Run("bash", Path.Combine(TestEnvironment.RepoRoot, "scripts", "test-rootfs"))
            .EnsureSuccess("scripts/test-rootfs").Stdout.Trim();
        _dir = Directory.CreateTempSubdirectory("vpnns-package-test-").FullName;
        foreach (string sub in (string[])["upper", "work", "root", "share"])
            Directory.CreateDirectory(Path.Combine(_dir, sub));
    }

    /// <summary>A host directory the commands see at <see cref="Shared"/>.</summary>
    public string HostDirectory => Path.Combine(_dir, "share");

    /// <summary>Runs a shell command inside the root, as root, with a clean environment.</summary>
    public ChildProcess.Result Run(string command) =>
        ChildProcess.Run("unshare", ["--mount", "--propagation", "private", "sh", "-c", Mounter, "sh", _lower, _dir, command],
            environment: null, timeout: TimeSpan.FromMinutes(5));

    /// <summary>Runs a command that must succeed and returns its standard output.</summary>
    public string Must(string command)
    {
        var result = Run(command);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"`{command}` exited {result.ExitCode}: {result.Stderr.Trim()} {result.Stdout.Trim()}");
    }

    public void Dispose()
    {
        // Every mount lived in a namespace that ended with its command: this removes plain files only.
        ChildProcess.Run("rm", "-rf", "--one-file-system", _dir);
    }
}
