using System.Net;
using System.Net.Sockets;
using Vpnns.Interop;
using Vpnns.Netlink;
using Xunit;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Tests.Netlink;

// Replies recorded from the kernel by tests/Fixtures/netlink/capture.py.
public class RecordedRepliesTests
{
    [Fact]
    public void Success_ack_is_errno_zero_with_the_capped_header()
    {
        byte[] datagram = Hex.Fixture("ack.hex").Single();
        var reader = new NetlinkReader(datagram);
        Assert.True(reader.TryRead(out NetlinkMessage message));

        Assert.Equal(NLMSG_ERROR, message.Type);
        Assert.True(message.HasFlag(NLM_F_CAPPED));
        Assert.Equal(1u, message.Sequence);
        Assert.Equal(NetlinkStatus.Success, NetlinkStatus.FromError(message));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Duplicate_address_error_carries_errno_and_the_extended_ack_text()
    {
        NetlinkStatus status = Replies.Status(Hex.Fixture("error-ext-ack.hex").Single());

        Assert.Equal(17, status.Errno);
        Assert.Equal("ipv4: Address already assigned", status.Detail);

        VpnnsException error = status.ToException("cannot add address", "10.9.9.1/24 dev vxc0");
        Assert.Equal("cannot add address 10.9.9.1/24 dev vxc0: File exists (ipv4: Address already assigned)", error.Message);
        Assert.Equal("ipv4: Address already assigned", error.KernelDetail);
    }

    [Fact]
    public void Error_without_cap_ack_echoes_the_whole_request_and_is_still_read()
    {
        NetlinkStatus status = Replies.Status(Hex.Fixture("error-full-echo.hex").Single());

        Assert.Equal(Errno.ENODEV, status.Errno);
        Assert.Null(status.Detail);
    }

    [Fact]
    public void Missing_device_lookup_is_enodev_without_text()
    {
        NetlinkStatus status = Replies.Status(Hex.Fixture("link-get-missing.hex").Single());

        Assert.Equal(Errno.ENODEV, status.Errno);
    }

    [Fact]
    public void Link_dump_lists_loopback_bridge_and_tun_then_done()
    {
        var (links, status, interrupted) = Replies.Dump(Hex.Fixture("link-dump.hex"), LinkReplies.Parse);

        Assert.True(status.IsSuccess);
        Assert.False(interrupted);
        Assert.Equal(["lo", "vxc0", "vxtun"], links.Select(l => l.Name));
        LinkInfo lo = links[0];
        Assert.Equal((1, 65536, true, (string?)null), (lo.Index, lo.Mtu, lo.IsUp, lo.Kind));
        LinkInfo tun = links[2];
        Assert.Equal("tun", tun.Kind);
        Assert.Equal(TunMode.Tun, tun.TunMode);
        Assert.True(tun.IsPointToPoint);
        Assert.True(tun.IsNoArp);
        Assert.True(tun.IsUp);
        Assert.False(tun.IsLowerUp);   // no process holds the tun fd: NO-CARRIER
        Assert.Equal(1500, tun.Mtu);
        Assert.Equal("bridge", links[1].Kind);
        Assert.Null(links[1].TunMode);
    }

    [Fact]
    public void Address_dump_tells_peer_subnet_and_ipv6_addresses_apart()
    {
        var (addresses, status, _) = Replies.Dump(Hex.Fixture("address-dump.hex"), AddressReplies.Parse);

        Assert.True(status.IsSuccess);
        AddressInfo p2p = addresses.Single(a => a.Local.Equals(IPAddress.Parse("10.8.0.6")));
        Assert.Equal(IPAddress.Parse("10.8.0.5"), p2p.Peer);
        Assert.Equal(32, p2p.PrefixLength);
        Assert.Equal("vxtun", p2p.Label);

        AddressInfo subnet = addresses.Single(a => a.Local.Equals(IPAddress.Parse("10.9.2.1")));
        Assert.Null(subnet.Peer);
        Assert.Equal(24, subnet.PrefixLength);
        Assert.Equal(0, subnet.Scope);

        AddressInfo v6 = addresses.Single(a => a.Local.Equals(IPAddress.Parse("fd00:8::2")));
        Assert.Null(v6.Peer);
        Assert.Equal(64, v6.PrefixLength);
        Assert.NotEqual(0u, v6.Flags & IFA_F_NODAD);
        Assert.Equal(0u, v6.Flags & IFA_F_TENTATIVE);

        Assert.Contains(addresses, a => a.Local.Equals(IPAddress.Loopback) && a.PrefixLength == 8 && a.Scope == RT_SCOPE_HOST);
    }

    [Fact]
    public void Route_dump_reads_device_gateway_and_kernel_routes()
    {
        var (routes, status, _) = Replies.Dump(Hex.Fixture("route-dump.hex"), RouteReplies.Parse);

        Assert.True(status.IsSuccess);
        Assert.All(routes, r => Assert.Equal(254u, r.Table));
        Assert.All(routes, r => Assert.Equal(AddressFamily.InterNetwork, r.Family));

        RouteInfo fallback = routes.Single(r => r.Destination.PrefixLength == 0);
        Assert.Null(fallback.Gateway);
        Assert.Equal(RouteScope.Link, fallback.Scope);
        Assert.Equal(RouteProtocol.Boot, fallback.Protocol);

        RouteInfo viaGateway = routes.Single(r => r.Destination == IPNetwork.Parse("198.51.100.0/24"));
        Assert.Equal(IPAddress.Parse("10.9.1.254"), viaGateway.Gateway);
        Assert.Equal(7u, viaGateway.Metric);
        Assert.Equal(RouteScope.Universe, viaGateway.Scope);

        RouteInfo connected = routes.Single(r => r.Destination == IPNetwork.Parse("10.9.3.0/24"));
        Assert.Equal(RouteProtocol.Kernel, connected.Protocol);
        Assert.Equal(IPAddress.Parse("10.9.3.1"), connected.PreferredSource);
        Assert.Null(connected.Metric);
    }

    [Fact]
    public void Dump_of_a_missing_table_ends_with_enoent_and_its_text()
    {
        var (routes, status, _) = Replies.Dump(Hex.Fixture("route-dump-missing-table.hex"), RouteReplies.Parse);

        Assert.Empty(routes);
        Assert.Equal(Errno.ENOENT, status.Errno);
        Assert.Equal("ipv4: FIB table does not exist", status.Detail);
    }
}
