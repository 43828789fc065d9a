using System.Net;
using Vpnns.Dns;
using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// One change to the system, as a value. Steps after <see cref="EnsureNamespace"/> act inside that namespace.
/// <see cref="Describe"/> is the log line, worded like the <c>ip</c> command that would do the same.
/// </summary>
public abstract record PlanStep
{
    public abstract string Describe();
}

/// <summary>Create the namespace, or reuse it (reconnect, restart, made beforehand with <c>ip netns add</c>).</summary>
public sealed record EnsureNamespace(NamespaceName Name) : PlanStep
{
    public override string Describe() => $"netns add {Name} (or reuse)";
}

/// <summary>Move the device from the hook's namespace into <paramref name="Into"/>, keeping its name.</summary>
public sealed record MoveLink(string Device, NamespaceName Into) : PlanStep
{
    public override string Describe() => $"link set {Device} netns {Into}";
}

public sealed record SetMtu(string Device, int Mtu) : PlanStep
{
    public override string Describe() => $"link set {Device} mtu {Mtu}";
}

public sealed record SetLinkUp(string Device) : PlanStep
{
    public override string Describe() => $"link set {Device} up";
}

public sealed record AddAddress(string Device, InterfaceAddress Address) : PlanStep
{
    public override string Describe() => $"address add {Address} dev {Device}";
}

public sealed record AddRoute(IPNetwork Destination, IPAddress? Via, string Device, uint? Metric = null) : PlanStep
{
    public override string Describe() =>
        $"route add {Destination}" + (Via is null ? "" : $" via {Via}") + $" dev {Device}" + (Metric is null ? "" : $" metric {Metric}");
}

/// <summary>Write /etc/netns/NAME/resolv.conf in place (same inode), creating the directory if needed.</summary>
public sealed record WriteResolvConf(NamespaceName Name, DnsSettings Dns) : PlanStep
{
    public override string Describe() => $"resolv.conf {Dns}";
}

/// <summary>Remember what this connection created, for <c>down</c> (which runs after the device is gone).</summary>
public sealed record RecordState(NamespaceName Name, string Device, TunnelOrigin? Origin = null) : PlanStep
{
    public override string Describe() => $"state {Name} device {Device}";
}

/// <summary>
/// Prove the name still names the namespace this run configured: someone may have deleted or replaced
/// <c>/run/netns/NAME</c> meanwhile, and an up that "succeeded" into a namespace nobody can enter would leave
/// the VPN's device to die with it.
/// </summary>
public sealed record VerifyNamespace(NamespaceName Name) : PlanStep
{
    public override string Describe() => $"netns {Name} still ours";
}

/// <summary>Remove the namespace name (umount + unlink, as <c>ip netns delete</c>); absent is fine.</summary>
public sealed record DeleteNamespace(NamespaceName Name) : PlanStep
{
    public override string Describe() => $"netns delete {Name}";
}

/// <summary>Remove the resolv.conf the hooks created, and /etc/netns/NAME if they created it and it is empty.</summary>
public sealed record RemoveResolvConf(NamespaceName Name, bool RemoveDirectory) : PlanStep
{
    public override string Describe() => RemoveDirectory ? "remove resolv.conf and its directory if empty" : "remove resolv.conf";
}

public sealed record ForgetState(NamespaceName Name) : PlanStep
{
    public override string Describe() => $"forget state {Name}";
}
