using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class LinkTests
{
    [RootFact]
    public void Up_and_down_change_only_the_up_flag_of_a_tun_device()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);

        ns.Client.SetLinkUp(index, true);
        Assert.Equal(["POINTOPOINT", "MULTICAST", "NOARP", "UP"], IpJson.Flags(ns.Name, tun).Except(["NO-CARRIER"]));

        ns.Client.SetLinkUp(index, false);
        Assert.Equal(["POINTOPOINT", "MULTICAST", "NOARP"], IpJson.Flags(ns.Name, tun));
        LinkInfo link = ns.Client.FindLink(index)!;
        Assert.False(link.IsUp);
        Assert.True(link.IsNoArp);
        Assert.True(link.IsPointToPoint);
    }

    [RootFact]
    public void Mtu_and_rename_are_what_ip_then_reports()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device(), renamed = TestNames.Device();
        int index = ns.AddTun(tun);

        ns.Client.SetMtu(index, 1400);
        ns.Client.Rename(index, renamed);

        var json = IpJson.Link(ns.Name, renamed);
        Assert.Equal(1400, json.GetProperty("mtu").GetInt32());
        Assert.Equal(index, json.GetProperty("ifindex").GetInt32());
        Assert.Null(ns.Client.FindLink(tun));
    }

    [RootFact]
    public void Find_and_list_agree_with_ip_link()
    {
        using var ns = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = ns.AddTun(tun);

        LinkInfo byName = ns.Client.FindLink(tun)!;
        Assert.Equal(byName, ns.Client.FindLink(index));
        Assert.Equal((index, tun, "tun", TunMode.Tun, 1500), (byName.Index, byName.Name, byName.Kind, byName.TunMode, byName.Mtu));
        Assert.Null(ns.Client.FindLink("vtnosuchdev"));
        Assert.Null(ns.Client.FindLink(99999));

        var expected = IpJson.Query(ns.Name, "link", "show")
            .Select(l => (l.GetProperty("ifindex").GetInt32(), l.GetProperty("ifname").GetString()!, l.GetProperty("mtu").GetInt32()));
        Assert.Equal(expected, ns.Client.ListLinks().Select(l => (l.Index, l.Name, l.Mtu)));
    }

    [RootFact]
    public void Tap_devices_report_tap_mode()
    {
        using var ns = new NetlinkNamespace();
        string tap = TestNames.Device();
        ns.Ip("tuntap", "add", "dev", tap, "mode", "tap");

        Assert.Equal(TunMode.Tap, ns.Client.FindLink(tap)!.TunMode);
    }

    [RootFact]
    public void Moving_with_a_new_name_lands_down_in_the_target_and_the_index_is_reread()
    {
        using var source = new NetlinkNamespace();
        using var target = new NetlinkNamespace();
        string tun = TestNames.Device(), arrived = TestNames.Device();
        int index = source.AddTun(tun);
        source.Client.SetLinkUp(index, true);
        target.AddTun(TestNames.Device());   // occupies an index so a clash is possible

        source.Client.MoveToNamespace(index, target.Handle.Fd, arrived);

        Assert.Null(source.Client.FindLink(index));
        LinkInfo moved = target.Client.FindLink(arrived)!;
        Assert.Equal(target.IndexOf(arrived), moved.Index);
        Assert.False(moved.IsUp);
        Assert.True(moved.IsNoArp);
        Assert.Equal(["POINTOPOINT", "MULTICAST", "NOARP"], IpJson.Flags(target.Name, arrived));
    }

    [RootFact]
    public void Moving_onto_an_existing_name_fails_with_the_kernel_text()
    {
        using var source = new NetlinkNamespace();
        using var target = new NetlinkNamespace();
        string tun = TestNames.Device();
        int index = source.AddTun(tun);
        target.AddTun(tun);

        var error = Assert.Throws<VpnnsException>(() => source.Client.MoveToNamespace(index, target.Handle.Fd));

        Assert.Equal(Errno.EEXIST, error.Errno);
        // 6.18 dropped the trailing period that reference.md 4.3 (captured on an older kernel) shows.
        Assert.Equal("An interface with the same name exists in the target netns", error.KernelDetail!.TrimEnd('.'));
        Assert.Equal($"cannot move device into namespace {tun}: File exists ({error.KernelDetail})", error.Message);
        Assert.NotNull(source.Client.FindLink(index));
    }

    [RootFact]
    public void Veth_pair_with_the_peer_in_another_namespace_and_delete()
    {
        using var a = new NetlinkNamespace();
        using var b = new NetlinkNamespace();
        string near = TestNames.Device(), far = TestNames.Device();

        a.Client.CreateVethPair(near, far, b.Handle.Fd);

        LinkInfo local = a.Client.FindLink(near)!;
        LinkInfo remote = b.Client.FindLink(far)!;
        Assert.Equal(("veth", "veth"), (local.Kind, remote.Kind));
        Assert.Equal(remote.Index, local.ParentIndex);
        Assert.NotNull(local.LinkNetnsId);
        Assert.Equal(far, b.Ip("-o", "link", "show", "dev", far).Split(':')[1].Trim().Split('@')[0]);

        a.Client.DeleteLink(local.Index);
        Assert.Null(a.Client.FindLink(near));
        Assert.Null(b.Client.FindLink(far));   // deleting one end removes the pair
    }

    [RootFact]
    public void Create_link_of_a_simple_kind()
    {
        // This kernel has no dummy driver; bridge is another kind that needs no further data.
        using var ns = new NetlinkNamespace();
        string name = TestNames.Device();

        ns.Client.CreateLink(name, "bridge");

        Assert.Equal("bridge", IpJson.Query(ns.Name, "-d", "link", "show", "dev", name).Single()
            .GetProperty("linkinfo").GetProperty("info_kind").GetString());
        var error = Assert.Throws<VpnnsException>(() => ns.Client.CreateLink(name, "bridge"));
        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.StartsWith($"cannot create device \"{name}\" type bridge: File exists", error.Message);
    }

    [RootFact]
    public void Operations_on_a_missing_device_name_it_by_index()
    {
        using var ns = new NetlinkNamespace();

        var error = Assert.Throws<VpnnsException>(() => ns.Client.SetMtu(99999, 1400));

        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.Equal("1400 dev #99999", error.Subject);
    }
}
