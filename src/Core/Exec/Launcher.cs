using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Exec;

/// <summary>
/// Enters a named network namespace and executes a program there: vpnns-exec, and `vpnnsctl exec`.
/// The order is conventions.md section 7: every check before any change; then setns, a private slave
/// mount namespace, /sys, the private /etc (EtcView) and the resolver mask; then the privilege drop; then exec.
/// Everything runs on the calling thread, which must not change threads in between (no async).
/// </summary>
public static class Launcher
{
    /// <summary>
    /// Runs <paramref name="request"/> and never returns: on success this process becomes the command.
    /// A root caller without <see cref="LaunchRequest.User"/> keeps root and its capabilities (like
    /// `ip netns exec`); anyone else runs the command as themself with no capability.
    /// Throws <see cref="VpnnsException"/> whose <see cref="VpnnsException.ExitCode"/> is 125 (refused or
    /// failed; nothing outside this process was changed), 126 (command found but not executable) or 127
    /// (command not found). The caller prints "PROGRAM: MESSAGE" and exits with that code.
    /// </summary>
    [DoesNotReturn]
    public static void Exec(LaunchRequest request, NamespacePaths? paths = null)
    {
        var inherited = DescriptorTable.ListInheritable();
        var prepared = Guard(() => Prepare(request, paths ?? NamespacePaths.System, requireCommand: true));
        Guard(() => Enter(prepared, request));
        CommandResolver.Execute(request.Command, request.Environment);
        throw new UnreachableException();

        void Enter(Prepared p, LaunchRequest r)
        {
            EnterNamespaces(p);
            PrivilegeDrop.Apply(p.Target);
            if (r.NoNewPrivileges)
                CredentialCalls.ForbidNewPrivileges();
            SignalState.PrepareForExec();
            DescriptorTable.CloseInheritableExcept(inherited);
            if (r.GuardSingleInstance)
                InstanceGuard.Apply(r.Command[0], r.Environment); // as the user, inside: sees only their own processes
        }
    }

    /// <summary>Performs every check of <see cref="Exec"/> (access, namespace file, /etc/netns sources) and changes nothing.</summary>
    public static void Check(LaunchRequest request, NamespacePaths? paths = null) =>
        Guard(() => Prepare(request, paths ?? NamespacePaths.System, requireCommand: false).Namespace.Dispose());

    private sealed record Prepared(NamespaceHandle Namespace, EtcOverlay Overlay, TargetIdentity Target, LaunchRequest Request);

    private static Prepared Prepare(LaunchRequest request, NamespacePaths paths, bool requireCommand)
    {
        if (requireCommand && (request.Command.Count == 0 || request.Command[0].Length == 0))
            throw new VpnnsException("missing command", "nothing to run");
        var caller = CurrentCaller();
        if (LaunchPolicy.IdentityOptionRefusal(caller, request) is { } refusedOptions)
            throw refusedOptions;
        if (LaunchPolicy.Refusal(caller, request.Name, GroupIds(caller, request.Name)) is { } refused)
            throw refused;
        if (CredentialCalls.UserIds().Effective != 0)
            throw new VpnnsException("not running as root", "vpnns-exec must be installed setuid root");
        var target = TargetIdentity.Resolve(caller, request.User, request.Group);
        var ns = OpenNamespace(paths, request.Name);
        try
        {
            return new Prepared(ns, EtcOverlay.Plan(paths, request.Name), target, request);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private static void EnterNamespaces(Prepared p)
    {
        using (p.Namespace)
            LibcCalls.SetNetworkNamespace(p.Namespace.Fd, p.Namespace.Path);
        LibcCalls.Unshare(Native.CLONE_NEWNS, "mount namespace");
        // Slave, recursively: host mounts still appear here, ours never propagate back.
        LibcCalls.Mount("", "/", "none", Native.MS_SLAVE | Native.MS_REC, "cannot make / a slave mount");
        SysfsRemount.Apply(p.Request.Name);
        EtcView.Apply(p.Overlay, filterResolvers: !p.Request.KeepHostDns);
        if (!p.Request.KeepHostDns)
            ResolverDaemonMask.Apply();
    }

    /// <summary>/run/netns/NAME, never through a symlink, and only a regular file (a FIFO or device there would block or act on open).</summary>
    private static NamespaceHandle OpenNamespace(NamespacePaths paths, NamespaceName name)
    {
        string file = paths.RunFile(name.Value);
        int errno = LibcCalls.TryStat(file, followSymlinks: false, out var status);
        if (errno != 0)
            throw new VpnnsException("cannot open network namespace", NamespaceName.Quote(name.Value), errno);
        if (!status.IsRegularFile)
            throw new VpnnsException("not a network namespace", file);
        return new NamespaceStore(paths).Open(name.Value);
    }

    // Looked up only as far as needed: root needs no lookup, a vpnns member one. A lookup that misses the
    // files database goes on to every NSS module (nss-systemd alone costs dozens of system calls).
    private static IEnumerable<uint?> GroupIds(Caller caller, NamespaceName name)
    {
        if (caller.IsRoot)
            yield break;
        yield return UserDatabase.GroupId(LaunchPolicy.EveryNamespaceGroup);
        yield return UserDatabase.GroupId(LaunchPolicy.GroupOf(name));
    }

    private static Caller CurrentCaller() =>
        new(CredentialCalls.UserIds().Real, CredentialCalls.GroupIds().Real, CredentialCalls.SupplementaryGroups());

    /// <summary>Runs a launcher step; any error it raises becomes exit status 125.</summary>
    private static T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (VpnnsException e) when (e.ExitCode != ExitCodes.LauncherFailure)
        {
            throw e.WithExitCode(ExitCodes.LauncherFailure);
        }
    }

    private static void Guard(Action step) => Guard(() => { step(); return 0; });
}
