using System.Net;
using Vpnns.Namespaces;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class SubscriptionTests
{
    private static T Next<T>(RtnlSubscription subscription, Func<T, bool> wanted) where T : RtnlEvent
    {
        var seen = new List<RtnlEvent>();
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            RtnlEvent? e = subscription.Receive(TimeSpan.FromSeconds(1));
            if (e is T typed && wanted(typed))
                return typed;
            if (e is not null)
                seen.Add(e);
        }
        throw new TimeoutException("no matching event; saw: " + string.Join("; ", seen));
    }

    [RootFact]
    public void Link_and_address_changes_arrive_as_typed_events()
    {
        using var ns = new NetlinkNamespace();
        using RtnlSubscription subscription = NamespaceThread.Run(ns.Handle,
            () => RtnlSubscription.Open(RtnlGroup.Link, RtnlGroup.Ipv4Address, RtnlGroup.Ipv4Route));
        string tun = TestNames.Device();

        int index = ns.AddTun(tun);
        LinkEvent added = Next<LinkEvent>(subscription, e => e.Link.Name == tun);
        ns.Client.SetLinkUp(index, true);
        ns.Client.AddAddress(index, IPAddress.Parse("10.8.0.2"), 24);
        AddressEvent address = Next<AddressEvent>(subscription, e => e.Address.Index == index);
        RouteEvent route = Next<RouteEvent>(subscription, e => e.Route.OutputIndex == index && e.Route.Table == 254);
        ns.Ip("link", "delete", tun);
        LinkEvent removed = Next<LinkEvent>(subscription, e => e.Kind == RtnlEventKind.Removed);

        Assert.Equal((RtnlEventKind.AddedOrChanged, index, "tun"), (added.Kind, added.Link.Index, added.Link.Kind));
        Assert.Equal((RtnlEventKind.AddedOrChanged, IPAddress.Parse("10.8.0.2")), (address.Kind, address.Address.Local));
        Assert.Equal(IPNetwork.Parse("10.8.0.0/24"), route.Route.Destination);
        Assert.Equal(tun, removed.Link.Name);
    }

    [RootFact]
    public void Receive_with_a_timeout_returns_null_when_nothing_happens()
    {
        using var ns = new NetlinkNamespace();
        using RtnlSubscription subscription = NamespaceThread.Run(ns.Handle, () => RtnlSubscription.Open(RtnlGroup.Nsid));

        Assert.Null(subscription.Receive(TimeSpan.FromMilliseconds(50)));
    }
}
