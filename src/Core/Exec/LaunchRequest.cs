using System.Text;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Exec;

/// <summary>
/// What to run and where: vpnns-exec's command line, or `vpnnsctl exec`'s. Arguments and environment are raw
/// bytes and reach the program unchanged.
/// </summary>
/// <param name="Command">argv of the program: [0] is COMMAND as given (looked up in PATH unless it has a '/').</param>
/// <param name="Environment">the program's environment, "NAME=value" entries in order.</param>
public sealed record LaunchRequest(NamespaceName Name, IReadOnlyList<byte[]> Command, IReadOnlyList<byte[]> Environment)
{
    /// <summary>Run as this user (name or number) with their groups; root callers only. Null: the caller.</summary>
    public string? User { get; init; }

    /// <summary>Primary group (name or number) to use with <see cref="User"/>; root callers only.</summary>
    public string? Group { get; init; }

    /// <summary>Set PR_SET_NO_NEW_PRIVS before exec: setuid programs inside cannot elevate.</summary>
    public bool NoNewPrivileges { get; init; }

    /// <summary>Do not filter nsswitch.conf's hosts sources nor mask the resolver daemons (nscd, systemd-resolved, avahi).</summary>
    public bool KeepHostDns { get; init; }

    /// <summary>Refuse when COMMAND already runs for this user in another network namespace (<see cref="InstanceGuard"/>).
    /// vpnns-exec sets it unless --allow-other-instance; `vpnnsctl exec` does not, like `ip netns exec`.</summary>
    public bool GuardSingleInstance { get; init; }

    /// <summary>A request for <paramref name="command"/> (UTF-8) with this process's environment, byte for byte.</summary>
    public static LaunchRequest WithCurrentEnvironment(NamespaceName name, IEnumerable<string> command)
    {
        var argv = new List<byte[]>();
        foreach (string arg in command)
            argv.Add(Encoding.UTF8.GetBytes(arg));
        return new LaunchRequest(name, argv, ProcessStartData.ReadEnvironment());
    }
}
