using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

public class NsidRequestsTests
{
    [Fact]
    public void Set_is_the_36_bytes_ip_netns_set_sent()
    {
        // reference.md 4.9: `ip netns set vxd 7`; the namespace file had fd 3
        byte[] bytes = Requests.Build(b => NsidRequests.Set(b, 3, 7));

        Assert.Equal(Hex.Parse("24000000 5800 0500 01000000 00000000 | 00 000000 | 08000300 03000000 | 08000100 07000000"), bytes);
    }

    [Fact]
    public void Set_with_minus_one_lets_the_kernel_pick()
    {
        byte[] bytes = Requests.Build(b => NsidRequests.Set(b, 3, -1));

        Assert.Equal(Hex.Parse("08000100 ffffffff"), bytes[28..]);
    }

    [Fact]
    public void Get_names_the_namespace_by_fd_and_dump_is_bare()
    {
        byte[] get = Requests.Build(b => NsidRequests.Get(b, 11));
        byte[] dump = Requests.Build(b => NsidRequests.Dump(b));

        Assert.Equal(Hex.Parse("1c000000 5a00 0100 01000000 00000000 | 00 000000 | 08000300 0b000000"), get);
        Assert.Equal(Hex.Parse("11000000 5a00 0103 01000000 00000000 | 00"), dump);
    }
}
