using System.Collections.Immutable;
using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Vpn;

/// <summary>
/// Applies a plan, step by step, through netlink and the namespace store. Each step is logged before it runs;
/// each completed step pushes its inverse; on failure the inverses run in reverse and the error is rethrown,
/// so a failed <c>up</c> leaves the system as it found it (and OpenVPN stops rather than run unisolated).
/// </summary>
public sealed partial class PlanExecutor(HookLog log, HookPaths paths) : IDisposable
{
    private readonly NamespaceStore _store = new(paths.Namespaces);
    private readonly TunnelStateStore _states = new(paths);
    private readonly Stack<(string Description, Action Undo)> _undo = new();
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private RtnlClient? _here;
    private NamespaceHandle? _hereHandle;
    private RtnlClient? _inside;
    private NamespaceHandle? _target;
    private NamespaceName _name;
    private bool _createdNamespace;
    private ResolvConfOutcome _resolvConf;

    public void Apply(ImmutableArray<PlanStep> plan)
    {
        try
        {
            foreach (var step in plan)
            {
                log.Line(step.Describe());
                Perform(step);
            }
        }
        catch
        {
            RollBack();
            throw;
        }
    }

    private void Perform(PlanStep step)
    {
        switch (step)
        {
            case EnsureNamespace s: Ensure(s.Name); break;
            case MoveLink s: Move(s.Device); break;
            case SetMtu s: Inside.SetMtu(IndexOf(s.Device), s.Mtu); break;
            case SetLinkUp s: Inside.SetLinkUp(IndexOf(s.Device), up: true); break;
            case AddAddress s: Add(s); break;
            case AddRoute s: Add(s); break;
            case WriteResolvConf s: Write(s); break;
            case RecordState s: Record(s); break;
            case DeleteNamespace s: _store.DeleteIfExists(s.Name.Value); break;
            case RemoveResolvConf s: Dns.ResolvConfFile.Remove(paths.Namespaces, s.Name, s.RemoveDirectory); break;
            case ForgetState s: _states.Delete(s.Name); break;
            default: throw new InvalidOperationException("unknown plan step " + step.GetType().Name);
        }
    }

    // Best effort by design: the step that failed is what the user must see; an undo that also fails is
    // logged on its own line and the remaining undos still run.
    private void RollBack()
    {
        while (_undo.TryPop(out var entry))
        {
            log.Line("rollback: " + entry.Description);
            try
            {
                entry.Undo();
            }
            catch (VpnnsException e)
            {
                log.Line($"rollback failed: {e.Message}");
            }
            catch (IOException e)
            {
                log.Line($"rollback failed: {e.Message}");
            }
        }
    }

    private void PushUndo(string description, Action undo) => _undo.Push((description, undo));

    private RtnlClient Inside => _inside ?? throw new InvalidOperationException("plan step before EnsureNamespace");

    // The hook's own namespace: the thread that runs the plan never changes namespaces, so this is where
    // OpenVPN created the device.
    private RtnlClient Here => _here ??= RtnlClient.Open();

    private NamespaceHandle HereHandle => _hereHandle ??= NamespaceHandle.OpenCurrentThread();

    public void Dispose()
    {
        _inside?.Dispose();
        _here?.Dispose();
        _target?.Dispose();
        _hereHandle?.Dispose();
    }
}
