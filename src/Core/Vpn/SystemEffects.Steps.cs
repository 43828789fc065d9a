using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Vpn;

public sealed partial class SystemEffects
{
    private RtnlClient Inside => _inside ?? throw new InvalidOperationException("plan step before EnsureNamespace");

    // The hook's own namespace: the thread that runs the plan never changes namespaces, so this is where
    // the VPN daemon created the device.
    private RtnlClient Here => _here ??= RtnlClient.Open();

    private NamespaceHandle HereHandle => _hereHandle ??= NamespaceHandle.OpenCurrentThread();

    private NamespaceHandle Target => _target ?? throw new InvalidOperationException("plan step before EnsureNamespace");

    private NamespaceCreated? Ensure(NamespaceName name)
    {
        _target = _store.OpenOrCreate(name, out bool created);
        _inside = NamespaceThread.Run(_target, RtnlClient.Open);
        return created ? new NamespaceCreated(name, _target.Status) : null;
    }

    private LinkMoved? Move(string device, NamespaceName into)
    {
        var link = Here.FindLink(device);
        if (link is null)
        {
            // With persist-tun and up-restart the device is already inside when up runs again (reference.md 1.2).
            _ = Link(device, into);
            log.Line($"{device} is already in the namespace");
            return null;
        }
        if (link.Kind is "ovpn-dco" or "ovpn")
            throw VpnnsException.Invalid(
                $"{device} is a data channel offload device ({link.Kind}), which OpenVPN drives by index in its own namespace",
                "add \"disable-dco\" to the OpenVPN config");
        Here.MoveToNamespace(link.Index, Target.Fd);
        // The index may change in the new namespace (reference.md 5.1): read it back by name.
        _links.Remove(device);
        _ = Link(device, into);
        return new LinkMoved(device);
    }

    private MtuChanged? ChangeMtu(string device, int mtu)
    {
        var link = Link(device);
        if (link.Mtu == mtu)
            return null;
        OnDevice(device, () => Inside.SetMtu(link.Index, mtu));
        _links[device] = link with { Mtu = mtu };
        return new MtuChanged(device, link.Mtu);
    }

    private LinkBroughtUp? BringUp(string device)
    {
        var link = Link(device);
        if (link.IsUp)
            return null;
        OnDevice(device, () => Inside.SetLinkUp(link.Index, up: true));
        _links[device] = link with { IsUp = true };
        return new LinkBroughtUp(device);
    }

    private AddressAdded? Add(AddAddress step)
    {
        var a = step.Address;
        try
        {
            int index = Link(step.Device).Index;
            OnDevice(step.Device, () => Inside.AddAddress(index, a.Local, a.PrefixLength, a.Peer));
        }
        catch (VpnnsException e) when (e.Errno == Errno.EEXIST)
        {
            log.Line($"address {a} is already on {step.Device}");
            return null; // not ours to remove on rollback
        }
        return new AddressAdded(step.Device, a);
    }

    private RouteAdded? Add(AddRoute step)
    {
        var route = RouteOf(step, Link(step.Device).Index);
        try
        {
            OnDevice(step.Device, () => Inside.AddRoute(route));
        }
        catch (VpnnsException e) when (e.Errno == Errno.EEXIST)
        {
            // After a restart the device kept its routes; the result must be the same either way, and the
            // route was there before this run, so a rollback leaves it.
            Inside.AddRoute(route, replace: true);
            return null;
        }
        return new RouteAdded(step);
    }

    private StateRecorded? Record(RecordState step, ApplyJournal journal)
    {
        var earlier = _states.Read(step.Name);
        var now = journal.StateFor(step.Device, step.Origin).MergedWith(earlier);
        if (now == earlier)
            return null; // a reconnect: nothing new to remember
        _states.Write(step.Name, now);
        return new StateRecorded(step.Name, now, earlier);
    }

    private AppliedChange? Verify(NamespaceName name)
    {
        if (!_store.Names(name.Value, Target.Status))
            throw new VpnnsException("namespace was removed or replaced while the hook ran", _store.Paths.RunFile(name.Value));
        return null;
    }

    private void DeleteIfStillOurs(NamespaceCreated created)
    {
        // Someone may have deleted the name and made a namespace of their own under it meanwhile: not ours.
        if (_store.Names(created.Name.Value, created.Identity))
            _store.Delete(created.Name.Value);
    }

    private void MoveBack(string device)
    {
        if (FindInside(device) is { } link)
            Inside.MoveToNamespace(link.Index, HereHandle.Fd);
    }

    private void DeleteAddress(int index, InterfaceAddress a)
    {
        try
        {
            Inside.DeleteAddress(index, a.Local, a.PrefixLength, a.Peer);
        }
        catch (VpnnsException e) when (e.Errno is Errno.EADDRNOTAVAIL or Errno.ENODEV)
        {
            // Already gone (with the device going down, or by hand): what the undo wanted.
        }
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

    // Netlink names a device by index; when it vanished between two steps (deleted by hand, its daemon gone)
    // the user needs its name.
    private void OnDevice(string device, Action change)
    {
        try
        {
            change();
        }
        catch (VpnnsException e) when (e.Errno == Errno.ENODEV)
        {
            throw new VpnnsException("device vanished while the hook ran", $"\"{device}\" in {Target.Path}", Errno.ENODEV);
        }
    }

    private static RouteSpec RouteOf(AddRoute step, int index) => new(step.Destination, step.Via, index, step.Metric);

    private LinkInfo? FindInside(string device) => _inside?.FindLink(device);

    private LinkInfo Link(string device, NamespaceName? where = null)
    {
        if (_links.TryGetValue(device, out var link))
            return link;
        link = Inside.FindLink(device)
            ?? throw new VpnnsException("cannot find device", where is { } name
                ? $"\"{device}\" (neither in this namespace nor in \"{name}\")"
                : $"\"{device}\" in {Target.Path}", Errno.ENODEV);
        _links[device] = link;
        return link;
    }
}
