using Vpnns.Dns;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Vpn;

public sealed partial class PlanExecutor
{
    /// <summary>What WriteResolvConf changed in this run, for the state record.</summary>
    private readonly record struct ResolvConfOutcome(bool CreatedDirectory, bool CreatedFile);

    private void Ensure(NamespaceName name)
    {
        _name = name;
        _target = _store.OpenOrCreate(name, out _createdNamespace);
        if (_createdNamespace)
            PushUndo($"netns delete {name}", () => _store.DeleteIfExists(name.Value));
        // A socket acts in the namespace of the thread that opened it, for its whole life (reference.md 4.1).
        _inside = NamespaceThread.Run(_target, RtnlClient.Open);
    }

    private void Move(string device)
    {
        var link = Here.FindLink(device);
        if (link is null)
        {
            // With persist-tun and up-restart the device is already inside when up runs again (reference.md 1.2).
            var already = Inside.FindLink(device)
                ?? throw new VpnnsException("cannot find device", $"\"{device}\" (neither in this namespace nor in \"{_name}\")", Errno.ENODEV);
            log.Line($"{device} is already in the namespace");
            _indexes[device] = already.Index;
            return;
        }
        if (link.Kind is "ovpn-dco" or "ovpn")
            throw VpnnsException.Invalid(
                $"{device} is a data channel offload device ({link.Kind}), which OpenVPN drives by index in its own namespace",
                "add \"disable-dco\" to the OpenVPN config");
        Here.MoveToNamespace(link.Index, _target!.Fd);
        // The index may change in the new namespace (reference.md 5.1): read it back by name.
        int index = Inside.FindLink(device)?.Index
            ?? throw new VpnnsException("cannot find moved device", $"\"{device}\" in \"{_name}\"", Errno.ENODEV);
        _indexes[device] = index;
        PushUndo($"link set {device} netns (back)", () => MoveBack(device));
    }

    private void MoveBack(string device)
    {
        if (Inside.FindLink(device) is { } link)
            Inside.MoveToNamespace(link.Index, HereHandle.Fd);
    }

    private void Add(AddAddress step)
    {
        var a = step.Address;
        int index = IndexOf(step.Device);
        try
        {
            Inside.AddAddress(index, a.Local, a.PrefixLength, a.Peer);
        }
        catch (VpnnsException e) when (e.Errno == Errno.EEXIST)
        {
            log.Line($"address {a} is already on {step.Device}");
            return; // not ours to remove on rollback
        }
        PushUndo($"address del {a} dev {step.Device}", () => Inside.DeleteAddress(index, a.Local, a.PrefixLength, a.Peer));
    }

    private void Add(AddRoute step)
    {
        var route = new RouteSpec(step.Destination, step.Via, IndexOf(step.Device), step.Metric);
        // Replace, not add: after a restart the device kept its routes, and the result must be the same either way.
        Inside.AddRoute(route, replace: true);
        PushUndo($"route del {step.Destination} dev {step.Device}", () => DeleteRouteIfPresent(route));
    }

    private void DeleteRouteIfPresent(RouteSpec route)
    {
        try
        {
            Inside.DeleteRoute(route);
        }
        catch (VpnnsException e) when (e.Errno is Errno.ESRCH or Errno.ENODEV)
        {
            // Already gone with its device: exactly what the undo wanted.
        }
    }

    private void Write(WriteResolvConf step)
    {
        var change = ResolvConfFile.Write(paths.Namespaces, step.Name, step.Dns);
        _resolvConf = new ResolvConfOutcome(change.CreatedDirectory, change.CreatedFile);
        PushUndo("restore resolv.conf", () => ResolvConfFile.Undo(paths.Namespaces, step.Name, change));
    }

    private void Record(RecordState step)
    {
        var earlier = _states.Read(step.Name);
        var now = new TunnelState(step.Device, _createdNamespace, _resolvConf.CreatedDirectory, _resolvConf.CreatedFile, step.Origin)
            .MergedWith(earlier);
        if (now == earlier)
            return; // a reconnect: nothing new to remember
        _states.Write(step.Name, now);
        PushUndo("restore state", () =>
        {
            if (earlier is null)
                _states.Delete(step.Name);
            else
                _states.Write(step.Name, earlier);
        });
    }

    private int IndexOf(string device)
    {
        if (_indexes.TryGetValue(device, out int index))
            return index;
        index = Inside.FindLink(device)?.Index
            ?? throw new VpnnsException("cannot find device", $"\"{device}\" in \"{_name}\"", Errno.ENODEV);
        _indexes[device] = index;
        return index;
    }

}
