using Vpnns.Exec;
using Xunit;

namespace Vpnns.Tests.Exec;

public class NsswitchFilterTests
{
    [Theory]
    // Debian with libnss-mdns and libnss-resolve installed.
    [InlineData("hosts: files mdns4_minimal [NOTFOUND=return] resolve [!UNAVAIL=return] dns myhostname\n",
        "hosts: files dns myhostname\n")]
    // systemd-resolved alone: dns is added, or nothing inside could resolve at all.
    [InlineData("hosts:  mymachines resolve [!UNAVAIL=return] files myhostname\n", "hosts: mymachines files myhostname dns\n")]
    // Spaces inside the action item, and a comment kept.
    [InlineData("hosts: resolve [ !UNAVAIL = return ] files dns # resolved first\n", "hosts: files dns # resolved first\n")]
    [InlineData("hosts: files wins mdns dns", "hosts: files dns")]
    [InlineData("  hosts :files mdns6_minimal [NOTFOUND=return] dns\n", "hosts: files dns\n")]
    [InlineData("hosts: mdns4 [NOTFOUND=return]\n", "hosts: dns\n")]
    public void Host_daemon_sources_and_their_actions_are_removed(string line, string expected) =>
        Assert.Equal(expected, NsswitchFilter.Filter(line));

    [Theory]
    [InlineData("hosts: files dns\n")]
    [InlineData("hosts: files myhostname dns [NOTFOUND=return]\n")]
    [InlineData("passwd: files systemd\ngroup: files\n")]
    [InlineData("")]
    public void A_file_that_needs_no_change_gives_null(string content) => Assert.Null(NsswitchFilter.Filter(content));

    [Fact]
    public void Only_the_hosts_line_changes()
    {
        const string content = "# /etc/nsswitch.conf\npasswd: files systemd\nhosts: files resolve [!UNAVAIL=return] dns\n" +
            "networks: files\n#hosts: mdns\n";
        Assert.Equal("# /etc/nsswitch.conf\npasswd: files systemd\nhosts: files dns\nnetworks: files\n#hosts: mdns\n",
            NsswitchFilter.Filter(content));
    }

    [Fact]
    public void A_hosts_line_without_dns_gets_it()
    {
        Assert.Equal("hosts: files dns\n", NsswitchFilter.Filter("hosts: files\n"));
    }

    [Fact]
    public void Host_daemon_sources_are_listed_in_order_ignoring_comments_and_other_lines()
    {
        string conf = "passwd: files resolve\nhosts: files mdns4_minimal [NOTFOUND=return] dns resolve # wins\n";
        Assert.Equal(["mdns4_minimal", "resolve"], NsswitchFilter.HostDaemonSourcesIn(conf));
        Assert.Empty(NsswitchFilter.HostDaemonSourcesIn("hosts: files dns\n"));
    }
}
