using Vpnns.Exec;
using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Exec;

public class EtcViewPlanTests
{
    private static readonly FileStatus RegularFile = new(1, 10, 0x81a4, 0, 0);
    private static readonly FileStatus Directory = new(1, 11, 0x41ed, 0, 0);

    private static readonly HostEtcEntry[] Host =
    [
        new("passwd", IsDirectory: false),
        new("resolv.conf", IsDirectory: false, LinkTarget: "../run/systemd/resolve/stub-resolv.conf"),
        new("ssl", IsDirectory: true),
        new("mtab", IsDirectory: false, LinkTarget: "../proc/self/mounts"),
        new("nsswitch.conf", IsDirectory: false),
    ];

    [Fact]
    public void Every_host_entry_appears_with_namespace_entries_in_place_of_the_hosts()
    {
        var view = EtcViewPlan.Build(Host, [new("resolv.conf", RegularFile), new("ssl", Directory)], filteredNsswitch: null);
        Assert.Equal(
        [
            new EtcViewEntry("passwd", EtcSource.Host),
            new EtcViewEntry("resolv.conf", EtcSource.Namespace),
            new EtcViewEntry("ssl", EtcSource.Namespace, IsDirectory: true),
            new EtcViewEntry("mtab", EtcSource.HostSymlink, Text: "../proc/self/mounts"),
            new EtcViewEntry("nsswitch.conf", EtcSource.Host),
        ], view);
    }

    [Fact]
    public void Namespace_entries_the_host_lacks_are_added()
    {
        var view = EtcViewPlan.Build(Host, [new("gai.conf", RegularFile)], filteredNsswitch: null);
        Assert.Equal(new EtcViewEntry("gai.conf", EtcSource.Namespace), view[^1]);
        Assert.Equal(Host.Length + 1, view.Count);
    }

    [Fact]
    public void The_filtered_nsswitch_replaces_the_hosts_unless_the_namespace_has_its_own()
    {
        var filtered = EtcViewPlan.Build(Host, [], "hosts: files dns\n");
        Assert.Contains(new EtcViewEntry("nsswitch.conf", EtcSource.Written, Text: "hosts: files dns\n"), filtered);
        var own = EtcViewPlan.Build(Host, [new("nsswitch.conf", RegularFile)], "hosts: files dns\n");
        Assert.Contains(new EtcViewEntry("nsswitch.conf", EtcSource.Namespace), own);
    }
}
