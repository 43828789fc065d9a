using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class NsidTests
{
    [RootFact]
    public void Set_get_and_list_agree_with_ip_netns_list_id()
    {
        using var a = new NetlinkNamespace();
        using var b = new NetlinkNamespace();

        Assert.Null(a.Client.GetNsid(b.Handle.Fd));
        a.Client.SetNsid(b.Handle.Fd, 7);

        Assert.Equal(7, a.Client.GetNsid(b.Handle.Fd));
        Assert.Contains($"nsid 7 (iproute2 netns name: {b.Name})", a.Ip("netns", "list-id"));
        Assert.Contains(a.Client.ListNsids(), e => e.Nsid == 7);
    }

    [RootFact]
    public void Minus_one_lets_the_kernel_pick_an_id()
    {
        using var a = new NetlinkNamespace();
        using var b = new NetlinkNamespace();

        a.Client.SetNsid(b.Handle.Fd, -1);

        int? picked = a.Client.GetNsid(b.Handle.Fd);
        Assert.NotNull(picked);
        Assert.True(picked >= 0);
        Assert.Contains($"nsid {picked} ", a.Ip("netns", "list-id"));
    }

    [RootFact]
    public void An_id_already_in_use_is_refused()
    {
        using var a = new NetlinkNamespace();
        using var b = new NetlinkNamespace();
        using var c = new NetlinkNamespace();
        a.Client.SetNsid(b.Handle.Fd, 7);

        var error = Assert.Throws<VpnnsException>(() => a.Client.SetNsid(c.Handle.Fd, 7));

        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.NotNull(error.KernelDetail);
    }

    [RootFact]
    public void A_file_that_is_no_namespace_gives_the_kernel_text()
    {
        using var a = new NetlinkNamespace();
        using var notANamespace = File.OpenHandle("/proc/self/status");

        var error = Assert.Throws<VpnnsException>(() => a.Client.GetNsid(notANamespace));

        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("Peer netns reference is invalid", error.KernelDetail!.TrimEnd('.'));
        Assert.Equal("cannot get namespace id", error.Operation);
    }
}
