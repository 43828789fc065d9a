using CsCheck;
using Vpnns.Dns;
using Vpnns.Namespaces;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Vpn;

/// <summary>Random and malformed pushed values: reading never throws, and nothing unvalidated reaches a plan.</summary>
public class PushedValuePropertyTests
{
    private static readonly string[] PushedVariables =
    [
        "ifconfig_local", "ifconfig_netmask", "ifconfig_remote", "ifconfig_ipv6_local", "ifconfig_ipv6_netbits",
        "route_vpn_gateway", "route_network_1", "route_netmask_1", "route_gateway_1", "route_metric_1",
        "route_ipv6_network_1", "route_ipv6_gateway_1", "foreign_option_1", "foreign_option_2",
        "dns_server_1_address_1", "dns_search_domain_1", "tun_mtu", "dev_type",
    ];

    // Mostly address-shaped text with hostile characters mixed in, so the parsers' edges get exercised.
    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.String[Gen.Char["0123456789.:/abcdef ;\n\t%-"], 0, 48],
        Gen.String,
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, (a, b, c, d) => $"{a}.{b}.{c}.{d}"),
        Gen.String[Gen.Char["0123456789.:/abcdef ;\n\t%-"], 0, 48].Select(s => "dhcp-option DNS " + s),
        Gen.String[Gen.Char["a-z.\n; "], 0, 48].Select(s => "dhcp-option DOMAIN " + s));

    [Fact]
    public void Reading_any_pushed_value_never_throws_and_plans_only_clean_text()
    {
        Gen.Select(Gen.Int[0, PushedVariables.Length - 1], Value).Array[1, 6].Sample(changes =>
        {
            var env = OpenVpnEnv.Fixture("tun-subnet");
            foreach (var (index, value) in changes)
                env[PushedVariables[index]] = value;
            var e = OpenVpnEventReader.Read(HookPhase.Up, OpenVpnEnv.Args(env), env);
            var plan = TunnelPlanner.ForUp(e.Tunnel!, e.Name);
            foreach (var step in plan)
                Assert.DoesNotContain('\n', step.Describe());
            if (e.Tunnel!.Dns is { } dns)
            {
                foreach (var line in ResolvConf.Render(dns, NamespaceName.Parse("x")).Split('\n').Skip(1))
                    Assert.DoesNotContain(';', line);
            }
            foreach (var note in e.Notes)
                Assert.DoesNotContain('\n', note);
        }, iter: 2000);
    }
}
