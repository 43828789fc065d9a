using System.Net;
using Vpnns.Dns;
using Vpnns.Tests.Vpn;
using Vpnns.Vpn;
using Xunit;

namespace Vpnns.Tests.Dns;

public class OpenVpnDnsReaderTests
{
    private static (DnsSettings Dns, IReadOnlyList<string> Notes) Read(Dictionary<string, string> env)
    {
        var notes = new ParseNotes();
        return (OpenVpnDnsReader.Read(env, notes), notes.Lines);
    }

    private static Dictionary<string, string> Options(params string[] foreign)
    {
        var env = new Dictionary<string, string>();
        for (int i = 0; i < foreign.Length; i++)
            env[$"foreign_option_{i + 1}"] = foreign[i];
        return env;
    }

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Fact]
    public void Dhcp_options_give_servers_and_search_domains()
    {
        var (dns, notes) = Read(Options(
            "dhcp-option DNS 10.8.0.1", "dhcp-option DNS6 fd00:8::1", "dhcp-option DOMAIN corp.example",
            "dhcp-option DOMAIN-SEARCH s1.example", "dhcp-option WINS 10.8.0.9", "dhcp-option DISABLE-NBT"));
        Assert.Equal(new DnsSettings([Ip("10.8.0.1"), Ip("fd00:8::1")], ["corp.example", "s1.example"]), dns);
        Assert.Empty(notes);
    }

    [Fact]
    public void The_26_dns_variables_are_preferred_and_ports_other_than_53_skipped()
    {
        var (dns, notes) = Read(OpenVpnEnv.Fixture("dns-26"));
        Assert.Equal(new DnsSettings([Ip("10.8.0.1"), Ip("fd00:8::1")], ["corp.example", "s1.example", "s2.example"]), dns);
        Assert.Contains(notes, n => n.StartsWith("invalid dns_server_2_port_1: \"5353\""));
        Assert.Contains(notes, n => n.Contains("split DNS"));
    }

    [Fact]
    public void Port_53_is_fine()
    {
        var env = OpenVpnEnv.Fixture("dns-26", ("dns_server_2_port_1", "53"));
        Assert.Contains(Ip("10.8.0.2"), Read(env).Dns.Servers);
    }

    [Fact]
    public void Encrypted_transports_are_skipped()
    {
        var env = OpenVpnEnv.Fixture("dns-26", ("dns_server_1_transport", "DoT"));
        var (dns, notes) = Read(env);
        Assert.DoesNotContain(Ip("10.8.0.1"), dns.Servers);
        Assert.Contains(notes, n => n.StartsWith("invalid dns_server_1_transport: \"DoT\""));
    }

    [Fact]
    public void Only_three_nameservers_are_kept_and_the_rest_noted()
    {
        var (dns, notes) = Read(Options(
            "dhcp-option DNS 10.0.0.1", "dhcp-option DNS 10.0.0.2", "dhcp-option DNS 10.0.0.3",
            "dhcp-option DNS 10.0.0.4", "dhcp-option DNS 10.0.0.5"));
        Assert.Equal<IPAddress>([Ip("10.0.0.1"), Ip("10.0.0.2"), Ip("10.0.0.3")], dns.Servers);
        Assert.Equal(2, notes.Count);
        Assert.Contains("nameserver 10.0.0.4 not written: glibc reads only the first 3", notes);
    }

    [Fact]
    public void Duplicates_are_written_once()
    {
        var (dns, _) = Read(Options("dhcp-option DNS 10.0.0.1", "dhcp-option DNS 10.0.0.1", "dhcp-option DOMAIN A.example", "dhcp-option DOMAIN-SEARCH a.example"));
        Assert.Equal(new DnsSettings([Ip("10.0.0.1")], ["a.example"]), dns);
    }

    [Theory]
    [InlineData("dhcp-option DNS 1.2.3")]
    [InlineData("dhcp-option DNS 10.0.0.1\nnameserver 6.6.6.6")]
    [InlineData("dhcp-option DNS 10.0.0.1 10.0.0.2")]
    [InlineData("dhcp-option DNS 0.0.0.0")]
    [InlineData("dhcp-option DNS6 fe80::1%tun0")]
    [InlineData("dhcp-option DNS6 ::")]
    [InlineData("dhcp-option DOMAIN corp.example;rm")]
    [InlineData("dhcp-option DOMAIN corp example")]
    [InlineData("dhcp-option DOMAIN -corp.example")]
    [InlineData("dhcp-option DOMAIN-SEARCH a..b")]
    [InlineData("dhcp-option DOMAIN-SEARCH corp.example\noptions ndots:15")]
    [InlineData("route 1.2.3.4")]
    public void Garbage_options_are_skipped_with_a_note(string option)
    {
        var (dns, notes) = Read(Options(option, "dhcp-option DNS 10.8.0.1"));
        Assert.Equal(new DnsSettings([Ip("10.8.0.1")], []), dns);
        string note = Assert.Single(notes);
        Assert.StartsWith("invalid foreign_option_1: \"", note);
        Assert.DoesNotContain('\n', note);
    }

    [Fact]
    public void Overlong_domains_are_refused()
    {
        string label = new('a', 63);
        string tooLong = string.Join('.', label, label, label, label); // 255 characters
        string longLabel = new string('b', 64) + ".example";
        var (dns, notes) = Read(Options($"dhcp-option DOMAIN {tooLong}", $"dhcp-option DOMAIN-SEARCH {longLabel}"));
        Assert.Empty(dns.SearchDomains);
        Assert.Equal(2, notes.Count);
    }

    [Fact]
    public void Dns_search_domain_garbage_is_skipped()
    {
        var env = OpenVpnEnv.Fixture("dns-26", ("dns_search_domain_1", "s1.example\nnameserver 6.6.6.6"));
        var (dns, notes) = Read(env);
        Assert.Equal<string>(["corp.example", "s2.example"], dns.SearchDomains);
        Assert.Contains(notes, n => n.StartsWith("invalid dns_search_domain_1: "));
    }

    [Fact]
    public void Garbage_dns_server_addresses_are_skipped()
    {
        var env = OpenVpnEnv.Fixture("dns-26", ("dns_server_1_address_1", "10.8.0.1 ; x"));
        var (dns, notes) = Read(env);
        Assert.Equal<IPAddress>([Ip("fd00:8::1")], dns.Servers);
        Assert.Contains(notes, n => n.StartsWith("invalid dns_server_1_address_1: "));
    }
}
