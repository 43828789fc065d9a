using Vpnns.Admin;
using Vpnns.Check;
using Vpnns.Interop;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Check;

// Every rule from hand-made facts: a namespace that is right (tun0 live, default routes and DNS through it),
// then one thing wrong at a time.
public class CheckRulesTests
{
    private static readonly FileStatus NsResolv = new(1, 100, 0x81a4, 0, 0);

    private static DeviceStatus Dev(string name, string? kind, bool up = true, bool live = true) =>
        new(name, kind, up, VpnDevice.IsTunnelKind(kind), VpnDevice.IsTunnelKind(kind) && live, 1500, []);

    private static CheckFacts Good(
        IReadOnlyList<DeviceStatus>? devices = null, TunnelStatus? tunnel = null,
        IReadOnlyList<DefaultRouteFact>? routes = null, IReadOnlyList<string>? rules = null, FileStatus? resolv = null, bool noResolv = false,
        IReadOnlyList<DnsLookupFact>? dns = null, IReadOnlyList<SideChannelFact>? side = null,
        IReadOnlyList<string>? hostNss = null, IReadOnlyList<string>? ownNss = null, EtcFact? etc = null,
        IReadOnlyList<ProcessFact>? processes = null)
    {
        var status = new NamespaceStatus("work", 1, null, devices ?? [Dev("lo", null), Dev("tun0", "tun")], [],
            new DnsStatus(["10.8.0.1"], []), [], tunnel);
        return new CheckFacts(status,
            routes ?? [new("ipv4", 254, RouteType.Unicast, "tun0", null), new("ipv6", 254, RouteType.Unicast, "tun0", null)],
            rules ?? [],
            noResolv ? null : resolv ?? NsResolv,
            dns ?? [new("10.8.0.1", true, false, "tun0", null, RouteType.Unicast)],
            side ?? [new("nscd", "/var/run/nscd", false)],
            hostNss ?? [], ownNss, etc ?? new EtcFact(true, null, 1),
            processes ?? [new(42, "firefox", "alice", false, NsResolv)]);
    }

    private static CheckItem Item(CheckFacts facts, string id) => CheckRules.Evaluate(facts).Single(i => i.Id == id);

    [Fact]
    public void A_correct_namespace_passes_every_item()
    {
        var items = CheckRules.Evaluate(Good());
        Assert.All(items, i => Assert.True(i.Passed, $"{i.Id}: {i.Reason}"));
        Assert.Equal("only via tun0 (all tables checked)", items.Single(i => i.Id == "default-route-ipv4").Reason);
        Assert.Equal("10.8.0.1 via tun0", items.Single(i => i.Id == "dns").Reason);
        Assert.Equal("42 firefox (alice)", items.Single(i => i.Id == "processes").Reason);
    }

    [Fact]
    public void Item_ids_are_unique_and_stable()
    {
        var ids = CheckRules.Evaluate(Good()).Select(i => i.Id).ToArray();
        Assert.Equal(["default-route-ipv4", "default-route-ipv6", "policy-rules", "other-device", "dns", "side-channel-nscd", "nsswitch",
            "abstract-sockets", "etc-files", "vpn-device", "vpn-daemon", "processes", "resolv-conf-seen"], ids);
    }

    [Theory]
    [InlineData("ipv4")]
    [InlineData("ipv6")]
    public void A_default_route_through_another_device_fails_naming_it_and_its_table(string family)
    {
        var facts = Good(devices: [Dev("lo", null), Dev("tun0", "tun"), Dev("veth1", "veth")],
            routes: [new(family, 254, RouteType.Unicast, "tun0", null), new(family, 100, RouteType.Unicast, "veth1", "192.0.2.1")]);
        var item = Item(facts, "default-route-" + family);
        Assert.False(item.Passed);
        Assert.Equal("default via 192.0.2.1 veth1 (table 100)", item.Reason);
    }

    [Fact]
    public void No_ipv6_default_is_a_pass_that_says_so_and_blackhole_defaults_do_not_count()
    {
        var facts = Good(routes: [new("ipv4", 254, RouteType.Unicast, "tun0", null), new("ipv6", 254, RouteType.Blackhole, null, null)]);
        var item = Item(facts, "default-route-ipv6");
        Assert.True(item.Passed);
        Assert.Contains("no IPv6 default route", item.Reason);
        Assert.Contains("no leak", item.Reason);
    }

    [Fact]
    public void Extra_policy_rules_are_listed_but_pass()
    {
        Assert.Equal((true, "only the default rules (local, main, default)"), Pass(Item(Good(), "policy-rules")));
        var item = Item(Good(rules: ["ipv4 rule 100: from all lookup 100"]), "policy-rules");
        Assert.True(item.Passed);
        Assert.StartsWith("ipv4 rule 100: from all lookup 100 (rules only choose", item.Reason);
    }

    [Fact]
    public void Another_device_inside_fails_whether_up_or_down()
    {
        var item = Item(Good(devices: [Dev("lo", null), Dev("tun0", "tun"), Dev("veth1", "veth"), Dev("wg0", "wireguard", up: false)]), "other-device");
        Assert.False(item.Passed);
        Assert.Equal("veth1 (veth) is up inside; wg0 (wireguard) is down inside", item.Reason);
    }

    [Fact]
    public void With_the_hooks_record_only_the_recorded_device_is_the_vpn()
    {
        var tunnel = new TunnelStatus("tun0", "openvpn", "/etc/openvpn/client/work.conf", 99, true, "2026-12-06T00:00:00Z");
        var facts = Good(devices: [Dev("lo", null), Dev("tun0", "tun"), Dev("tun1", "tun")], tunnel: tunnel);
        Assert.Equal(["tun0"], CheckRules.VpnDevices(facts));
        Assert.Equal("tun1 (tun) is up inside", Item(facts, "other-device").Reason);
    }

    [Fact]
    public void Dns_fails_without_resolv_conf_without_nameservers_without_a_route_or_off_the_vpn()
    {
        var missing = Item(Good(noResolv: true), "dns");
        Assert.False(missing.Passed);
        Assert.Contains("no /etc/netns/work/resolv.conf: programs inside would read the host's", missing.Reason);

        var none = Item(Good(dns: []), "dns");
        Assert.False(none.Passed);
        Assert.Contains("glibc would ask 127.0.0.1", none.Reason);

        var unrouted = Item(Good(dns: [new("10.8.0.1", true, false, "tun0", null, RouteType.Unicast), new("192.0.2.53", true, false, null, null, null)]), "dns");
        Assert.False(unrouted.Passed);
        Assert.Equal("10.8.0.1 via tun0; 192.0.2.53: no route", unrouted.Reason);

        var outside = Item(Good(dns: [new("192.0.2.53", true, false, "veth1", "192.0.2.1", RouteType.Unicast)]), "dns");
        Assert.False(outside.Passed);
        Assert.Equal("192.0.2.53 via 192.0.2.1 veth1 (not the VPN)", outside.Reason);
    }

    [Fact]
    public void A_loopback_nameserver_fails_with_an_explanation()
    {
        var item = Item(Good(dns: [new("127.0.0.53", true, true, "lo", null, RouteType.Local)]), "dns");
        Assert.False(item.Passed);
        Assert.Contains("127.0.0.53 is loopback: only a resolver inside the namespace answers there", item.Reason);
    }

    [Fact]
    public void A_nameserver_that_is_no_address_is_noted_and_alone_fails()
    {
        Assert.True(Item(Good(dns: [new("x.example", false, false, null, null, null), new("10.8.0.1", true, false, "tun0", null, RouteType.Unicast)]), "dns").Passed);
        var alone = Item(Good(dns: [new("x.example", false, false, null, null, null)]), "dns");
        Assert.False(alone.Passed);
        Assert.Contains("x.example is not an address", alone.Reason);
    }

    [Fact]
    public void Side_channels_that_exist_pass_as_masked_and_say_ip_netns_exec_does_not()
    {
        var items = CheckRules.Evaluate(Good(side: [new("nscd", "/var/run/nscd", true), new("avahi", "/var/run/avahi-daemon", false)]));
        var nscd = items.Single(i => i.Id == "side-channel-nscd");
        Assert.True(nscd.Passed);
        Assert.Contains("vpnns-exec and vpnnsctl exec mask it, ip netns exec does not", nscd.Reason);
        Assert.Contains("started after the program", nscd.Reason);
        Assert.Equal("no /var/run/avahi-daemon on this host", items.Single(i => i.Id == "side-channel-avahi").Reason);
    }

    [Fact]
    public void Nsswitch_passes_when_the_launcher_filters_the_hosts_line_and_fails_when_the_namespace_re_enables_a_daemon()
    {
        var filtered = Item(Good(hostNss: ["mdns4_minimal", "resolve"]), "nsswitch");
        Assert.True(filtered.Passed);
        Assert.Contains("drops mdns4_minimal, resolve from the host's hosts: line (ip netns exec does not)", filtered.Reason);

        var own = Item(Good(hostNss: ["resolve"], ownNss: ["resolve"]), "nsswitch");
        Assert.False(own.Passed);
        Assert.Contains("/etc/netns/work/nsswitch.conf names resolve", own.Reason);

        Assert.True(Item(Good(ownNss: []), "nsswitch").Passed);
    }

    [Fact]
    public void Etc_files_fail_with_the_launchers_reason_and_pass_when_absent()
    {
        var bad = Item(Good(etc: new EtcFact(true, "refusing to bind (writable by group or others): /etc/netns/work/resolv.conf", 0)), "etc-files");
        Assert.False(bad.Passed);
        Assert.Equal("vpnns-exec would refuse: refusing to bind (writable by group or others): /etc/netns/work/resolv.conf", bad.Reason);
        Assert.True(Item(Good(etc: new EtcFact(false, null, 0)), "etc-files").Passed);
    }

    [Fact]
    public void The_vpn_device_must_exist_be_up_and_have_a_carrier()
    {
        var none = Item(Good(devices: [Dev("lo", null)]), "vpn-device");
        Assert.False(none.Passed);
        Assert.Equal("no tun, tap or ppp device in the namespace", none.Reason);

        var tunnel = new TunnelStatus("tun9", "openvpn", "", null, false, "2026-12-06T00:00:00Z");
        Assert.Contains("names tun9, which is not in the namespace", Item(Good(devices: [Dev("lo", null)], tunnel: tunnel), "vpn-device").Reason);

        var down = Item(Good(devices: [Dev("lo", null), Dev("tun0", "tun", up: false, live: false)]), "vpn-device");
        Assert.False(down.Passed);
        Assert.Equal("tun0 is down", down.Reason);

        var unheld = Item(Good(devices: [Dev("lo", null), Dev("tun0", "tun", live: false)]), "vpn-device");
        Assert.False(unheld.Passed);
        Assert.Equal("tun0 has no carrier: no process holds it", unheld.Reason);
    }

    [Fact]
    public void The_recorded_daemon_must_still_run()
    {
        TunnelStatus T(bool running, int? pid = 99) => new("tun0", "openvpn", "/c.conf", pid, running, "2026-12-06T00:00:00Z");
        Assert.Equal((true, "openvpn pid 99 is running (/c.conf)"), Pass(Item(Good(tunnel: T(true)), "vpn-daemon")));
        Assert.Equal((false, "openvpn pid 99 is not running (/c.conf)"), Pass(Item(Good(tunnel: T(false)), "vpn-daemon")));
        Assert.True(Item(Good(tunnel: T(false, pid: null)), "vpn-daemon").Passed);
        Assert.Contains("no record from the vpnns hooks", Item(Good(), "vpn-daemon").Reason);
    }

    private static (bool, string) Pass(CheckItem i) => (i.Passed, i.Reason);

    [Fact]
    public void Processes_are_listed_with_their_users_and_always_pass()
    {
        var item = Item(Good(processes: [new(7, "sleep", "root", false, NsResolv), new(8, "gone", "root", false, null, Gone: true)]), "processes");
        Assert.Equal((true, "7 sleep (root)"), Pass(item));
        Assert.Equal((true, "none inside"), Pass(Item(Good(processes: []), "processes")));
    }

    [Fact]
    public void A_process_reading_another_resolv_conf_fails_naming_pid_command_and_user()
    {
        var other = new FileStatus(1, 555, 0x81a4, 0, 0);
        var facts = Good(processes: [
            new(7, "firefox", "alice", false, NsResolv),
            new(8, "curl", "bob", false, other),
            new(9, "sleep", "root", true, other),
            new(10, "dig", "root", false, null),
        ]);
        var item = Item(facts, "resolv-conf-seen");
        Assert.False(item.Passed);
        Assert.Equal("pid 8 curl (bob) reads an /etc/resolv.conf that is not /etc/netns/work/resolv.conf (detached by a rename on the host, or never bound); "
            + "pid 9 sleep (root) shares the host's mount namespace: it reads the host's /etc/resolv.conf; "
            + "pid 10 dig (root) has no /etc/resolv.conf: glibc asks 127.0.0.1", item.Reason);
        Assert.Equal((true, "all 1 processes read /etc/netns/work/resolv.conf"), Pass(Item(Good(), "resolv-conf-seen")));
        Assert.False(Item(Good(noResolv: true), "resolv-conf-seen").Passed);
    }
}
