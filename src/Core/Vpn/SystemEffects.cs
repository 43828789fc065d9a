using Vpnns.Dns;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Vpn;

/// <summary>
/// Plan steps against the real system: rtnetlink in the hook's namespace and in the target one, the namespace
/// store, /etc/netns and the state files. Steps after <see cref="EnsureNamespace"/> act inside it, through a
/// socket opened there once (a socket stays in the namespace of the thread that opened it, reference.md 4.1).
/// </summary>
public sealed partial class SystemEffects(HookLog log, HookPaths paths) : IPlanEffects, IDisposable
{
    private readonly NamespaceStore _store = new(paths.Namespaces);
    private readonly TunnelStateStore _states = new(paths);
    private readonly Dictionary<string, LinkInfo> _links = new(StringComparer.Ordinal);
    private RtnlClient? _here;
    private NamespaceHandle? _hereHandle;
    private RtnlClient? _inside;
    private NamespaceHandle? _target;

    public AppliedChange? Apply(PlanStep step, ApplyJournal journal) => step switch
    {
        EnsureNamespace s => Ensure(s.Name),
        MoveLink s => Move(s.Device, s.Into),
        SetMtu s => ChangeMtu(s.Device, s.Mtu),
        SetLinkUp s => BringUp(s.Device),
        AddAddress s => Add(s),
        AddRoute s => Add(s),
        WriteResolvConf s => new ResolvConfWritten(s.Name, ResolvConfFile.Write(paths.Namespaces, s.Name, s.Dns)),
        RecordState s => Record(s, journal),
        VerifyNamespace s => Verify(s.Name),
        // Teardown is not undone: down runs after the daemon let go of the device, and a half-removed
        // namespace is finished by the next down, which finds less to do.
        DeleteNamespace s => Teardown(() => _store.DeleteIfExists(s.Name.Value)),
        RemoveResolvConf s => Teardown(() => ResolvConfFile.Remove(paths.Namespaces, s.Name, s.RemoveDirectory)),
        ForgetState s => Teardown(() => _states.Delete(s.Name)),
        _ => throw new InvalidOperationException("unknown plan step " + step.GetType().Name),
    };

    public void Undo(AppliedChange change)
    {
        switch (change)
        {
            case NamespaceCreated c: DeleteIfStillOurs(c); break;
            case LinkMoved c: MoveBack(c.Device); break;
            case MtuChanged c when FindInside(c.Device) is { } link: Inside.SetMtu(link.Index, c.Previous); break;
            case LinkBroughtUp c when FindInside(c.Device) is { } link: Inside.SetLinkUp(link.Index, up: false); break;
            case AddressAdded c when FindInside(c.Device) is { } link: DeleteAddress(link.Index, c.Address); break;
            case RouteAdded c when FindInside(c.Route.Device) is { } link: DeleteRouteIfPresent(RouteOf(c.Route, link.Index)); break;
            case ResolvConfWritten c: ResolvConfFile.Undo(paths.Namespaces, c.Name, c.Change); break;
            case StateRecorded { Previous: { } previous } c: _states.Write(c.Name, previous); break;
            case StateRecorded c: _states.Delete(c.Name); break;
            default: break; // the device is gone: what it carried went with it
        }
    }

    private static AppliedChange? Teardown(Action teardown)
    {
        teardown();
        return null;
    }

    public void Dispose()
    {
        _inside?.Dispose();
        _here?.Dispose();
        _target?.Dispose();
        _hereHandle?.Dispose();
    }
}
