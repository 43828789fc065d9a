using Vpnns.Dns;
using Vpnns.Interop;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// What one applied step changed, as a value. The executor keeps them in order (<see cref="ApplyJournal"/>):
/// a failed run undoes them newest first, a successful up saves what they say it created, and down plans
/// from that record. A step that changed nothing (the device was already inside, the MTU already right)
/// produces no change, so a rollback never undoes what an earlier run or the admin did.
/// </summary>
public abstract record AppliedChange
{
    /// <summary>The log line of the undo, worded like the <c>ip</c> command that would do it.</summary>
    public abstract string DescribeUndo();
}

/// <param name="Identity">device and inode of the new namespace: the undo deletes the name only while it still names this one</param>
public sealed record NamespaceCreated(NamespaceName Name, FileStatus Identity) : AppliedChange
{
    public override string DescribeUndo() => $"netns delete {Name}";
}

/// <summary>The device came from the hook's own namespace (where the VPN daemon made it); the undo moves it back there.</summary>
public sealed record LinkMoved(string Device) : AppliedChange
{
    public override string DescribeUndo() => $"link set {Device} netns (back)";
}

public sealed record MtuChanged(string Device, int Previous) : AppliedChange
{
    public override string DescribeUndo() => $"link set {Device} mtu {Previous}";
}

public sealed record LinkBroughtUp(string Device) : AppliedChange
{
    public override string DescribeUndo() => $"link set {Device} down";
}

public sealed record AddressAdded(string Device, InterfaceAddress Address) : AppliedChange
{
    public override string DescribeUndo() => $"address del {Address} dev {Device}";
}

public sealed record RouteAdded(AddRoute Route) : AppliedChange
{
    public override string DescribeUndo() => $"route del {Route.Destination} dev {Route.Device}";
}

/// <param name="Change">created directory/file, or the bytes it held before</param>
public sealed record ResolvConfWritten(NamespaceName Name, ResolvConfChange Change) : AppliedChange
{
    public override string DescribeUndo() => Change.PreviousContent is null ? "remove resolv.conf" : "restore resolv.conf";
}

/// <param name="Previous">the record an earlier connection left, put back on undo; null: none</param>
public sealed record StateRecorded(NamespaceName Name, TunnelState Saved, TunnelState? Previous) : AppliedChange
{
    public override string DescribeUndo() => Previous is null ? $"forget state {Name}" : $"restore state {Name}";
}
