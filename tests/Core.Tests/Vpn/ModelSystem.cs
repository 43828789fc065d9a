using System.Text;
using Vpnns.Dns;
using Vpnns.Interop;
using Vpnns.Vpn;

namespace Vpnns.Tests.Vpn;

/// <summary>
/// A model of what plan steps touch — namespaces, devices with their MTU, state, addresses and routes, the
/// resolv.conf files and state records — behaving as the kernel does where it matters (a device moved to
/// another namespace loses its addresses and routes and goes down; a deleted namespace takes its virtual
/// devices with it). Any step can be made to fail, so the executor's rollback is tried at every step.
/// </summary>
internal sealed class ModelSystem : IPlanEffects
{
    public const string Host = "(host)";

    private readonly Dictionary<string, ulong> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Where, string Name), Device> _devices = [];
    private readonly Dictionary<string, byte[]> _resolvConfs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _etcDirectories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TunnelState> _states = new(StringComparer.Ordinal);
    private ulong _nextIdentity = 1;
    private int _step;

    private sealed record Device(int Mtu, bool Up, SortedSet<string> Addresses, SortedSet<string> Routes);

    /// <summary>Step number (0-based) that throws instead of running; null: none.</summary>
    public int? FailAt { get; set; }

    /// <summary>Undos of this change type throw (a rollback that itself fails).</summary>
    public Type? FailingUndo { get; set; }

    public int StepsRun => _step;

    public ModelSystem WithDevice(string where, string name, int mtu = 1500)
    {
        _devices[(where, name)] = new Device(mtu, false, [], []);
        return this;
    }

    public ModelSystem WithNamespace(string name)
    {
        _namespaces[name] = _nextIdentity++;
        _devices[(name, "lo")] = new Device(65536, false, [], []);
        return this;
    }

    public ModelSystem WithResolvConf(string name, string content)
    {
        _etcDirectories.Add(name);
        _resolvConfs[name] = Encoding.UTF8.GetBytes(content);
        return this;
    }

    public ModelSystem WithState(string name, TunnelState state)
    {
        _states[name] = state;
        return this;
    }

    public TunnelState? State(string name) => _states.GetValueOrDefault(name);

    public bool HasNamespace(string name) => _namespaces.ContainsKey(name);

    public bool HasResolvConf(string name) => _resolvConfs.ContainsKey(name);

    public bool HasEtcDirectory(string name) => _etcDirectories.Contains(name);

    /// <summary>Everything the model holds, as text: equal snapshots mean an identical system.</summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var (name, id) in _namespaces.OrderBy(n => n.Key, StringComparer.Ordinal))
            text.Append($"netns {name} #{id}\n");
        foreach (var ((where, name), d) in _devices.OrderBy(d => d.Key.Where + "/" + d.Key.Name, StringComparer.Ordinal))
            text.Append($"dev {where}/{name} mtu {d.Mtu} {(d.Up ? "up" : "down")} addr [{string.Join(',', d.Addresses)}] route [{string.Join(',', d.Routes)}]\n");
        foreach (string dir in _etcDirectories.Order(StringComparer.Ordinal))
            text.Append($"dir /etc/netns/{dir}\n");
        foreach (var (name, bytes) in _resolvConfs.OrderBy(f => f.Key, StringComparer.Ordinal))
            text.Append($"resolv.conf {name}: {Convert.ToHexString(bytes)}\n");
        foreach (var (name, state) in _states.OrderBy(s => s.Key, StringComparer.Ordinal))
            text.Append($"state {name}: {state.Render().ReplaceLineEndings(" ")}\n");
        return text.ToString();
    }

    public AppliedChange? Apply(PlanStep step, ApplyJournal journal)
    {
        if (_step++ == FailAt)
            throw new VpnnsException("injected failure at step", $"{_step - 1} ({step.Describe()})");
        return step switch
        {
            EnsureNamespace s => Ensure(s.Name.Value),
            MoveLink s => Move(s.Device, s.Into.Value),
            SetMtu s => Mtu(Inside(s.Device), s.Device, s.Mtu),
            SetLinkUp s => Up(Inside(s.Device), s.Device),
            AddAddress s => Edit(Inside(s.Device), d => d.Addresses, s.Address.ToString(), new AddressAdded(s.Device, s.Address)),
            AddRoute s => Edit(Inside(s.Device), d => d.Routes, s.Describe(), new RouteAdded(s)),
            WriteResolvConf s => Write(s),
            RecordState s => Record(s, journal),
            VerifyNamespace s => _namespaces.ContainsKey(s.Name.Value) ? null : throw new VpnnsException("namespace was removed", s.Name.Value),
            DeleteNamespace s => Teardown(() => DeleteNamespace(s.Name.Value)),
            RemoveResolvConf s => Teardown(() =>
            {
                _resolvConfs.Remove(s.Name.Value);
                if (s.RemoveDirectory)
                    _etcDirectories.Remove(s.Name.Value);
            }),
            ForgetState s => Teardown(() => _states.Remove(s.Name.Value)),
            _ => throw new InvalidOperationException(step.GetType().Name),
        };
    }

    public void Undo(AppliedChange change)
    {
        if (change.GetType() == FailingUndo)
            throw new VpnnsException("injected undo failure", change.DescribeUndo());
        switch (change)
        {
            case NamespaceCreated c: DeleteNamespace(c.Name.Value); break;
            case LinkMoved c: MoveBack(c.Device); break;
            case MtuChanged c: Set(c.Device, d => d with { Mtu = c.Previous }); break;
            case LinkBroughtUp c: Set(c.Device, d => d with { Up = false }); break;
            case AddressAdded c: Find(c.Device).Value.Addresses.Remove(c.Address.ToString()); break;
            case RouteAdded c: Find(c.Route.Device).Value.Routes.Remove(c.Route.Describe()); break;
            case ResolvConfWritten c: UndoWrite(c); break;
            case StateRecorded { Previous: { } previous } c: _states[c.Name.Value] = previous; break;
            case StateRecorded c: _states.Remove(c.Name.Value); break;
            default: throw new InvalidOperationException(change.GetType().Name);
        }
    }

    private NamespaceCreated? Ensure(string name)
    {
        if (_namespaces.ContainsKey(name))
            return null;
        WithNamespace(name);
        return new NamespaceCreated(Vpnns.Namespaces.NamespaceName.Parse(name), new FileStatus(4, _namespaces[name], 0x8000, 0, 0));
    }

    private LinkMoved? Move(string device, string into)
    {
        if (_devices.ContainsKey((into, device)))
            return null;
        if (!_devices.Remove((Host, device), out var d))
            throw new VpnnsException("cannot find device", device, Errno.ENODEV);
        // The kernel closes a device it moves and drops its addresses and routes.
        _devices[(into, device)] = d with { Up = false, Addresses = [], Routes = [] };
        return new LinkMoved(device);
    }

    private void MoveBack(string device)
    {
        var (key, d) = Find(device);
        _devices.Remove(key);
        _devices[(Host, device)] = d with { Up = false, Addresses = [], Routes = [] };
    }

    private MtuChanged? Mtu((string, string) key, string device, int mtu)
    {
        var d = _devices[key];
        if (d.Mtu == mtu)
            return null;
        _devices[key] = d with { Mtu = mtu };
        return new MtuChanged(device, d.Mtu);
    }

    private LinkBroughtUp? Up((string, string) key, string device)
    {
        var d = _devices[key];
        if (d.Up)
            return null;
        _devices[key] = d with { Up = true };
        return new LinkBroughtUp(device);
    }

    private AppliedChange? Edit((string, string) key, Func<Device, SortedSet<string>> set, string item, AppliedChange change) =>
        set(_devices[key]).Add(item) ? change : null;

    private ResolvConfWritten Write(WriteResolvConf s)
    {
        string name = s.Name.Value;
        bool createdDirectory = _etcDirectories.Add(name);
        byte[]? previous = _resolvConfs.GetValueOrDefault(name);
        _resolvConfs[name] = Encoding.UTF8.GetBytes(ResolvConf.Render(s.Dns, s.Name));
        return new ResolvConfWritten(s.Name, new ResolvConfChange(createdDirectory, previous is null, previous));
    }

    private void UndoWrite(ResolvConfWritten c)
    {
        string name = c.Name.Value;
        if (c.Change.PreviousContent is { } previous)
        {
            _resolvConfs[name] = previous;
            return;
        }
        _resolvConfs.Remove(name);
        if (c.Change.CreatedDirectory)
            _etcDirectories.Remove(name);
    }

    private StateRecorded? Record(RecordState s, ApplyJournal journal)
    {
        var earlier = _states.GetValueOrDefault(s.Name.Value);
        var now = journal.StateFor(s.Device, s.Origin).MergedWith(earlier);
        if (now == earlier)
            return null;
        _states[s.Name.Value] = now;
        return new StateRecorded(s.Name, now, earlier);
    }

    private void DeleteNamespace(string name)
    {
        _namespaces.Remove(name);
        foreach (var key in _devices.Keys.Where(k => k.Where == name).ToList())
            _devices.Remove(key);
    }

    private static AppliedChange? Teardown(Action action)
    {
        action();
        return null;
    }

    // Steps after EnsureNamespace act in the namespace the plans under test configure.
    private (string, string) Inside(string device) =>
        _devices.ContainsKey((TargetName, device)) ? (TargetName, device) : throw new VpnnsException("cannot find device", device, Errno.ENODEV);

    /// <summary>The namespace the plans under test configure.</summary>
    public string TargetName { get; set; } = "work";

    private KeyValuePair<(string Where, string Name), Device> Find(string device) =>
        _devices.First(d => d.Key.Name == device && d.Key.Where == TargetName);

    private void Set(string device, Func<Device, Device> change)
    {
        var (key, d) = Find(device);
        _devices[key] = change(d);
    }
}
