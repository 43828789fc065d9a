using Vpnns.Interop;

namespace Vpnns.Vpn;

/// <summary>OpenVPN's <c>up</c> and <c>down</c>: read the event, then the common <see cref="HookRunner"/>.</summary>
public static class OpenVpnHook
{
    public static int Run(HookPhase phase, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, HookLog log, HookPaths paths)
    {
        var e = OpenVpnEventReader.Read(phase, args, env);
        var origin = TunnelOrigin.FromOpenVpn(env, LibcCalls.ParentProcessId(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return HookRunner.Run(e, origin, log, paths);
    }
}
