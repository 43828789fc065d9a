using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Vpnns.Interop;
using Vpnns.Netlink;
using Xunit;

namespace Vpnns.Tests.Netlink;

// Every kernel constant and struct layout we spell out by hand, checked against the installed headers.
public class UapiHeaderTests
{
    private const string Includes = """
        #include <stddef.h>
        #include <stdio.h>
        #include <poll.h>
        #include <sys/socket.h>
        #include <linux/netlink.h>
        #include <linux/rtnetlink.h>
        #include <linux/fib_rules.h>
        #include <linux/if.h>
        #include <linux/if_addr.h>
        #include <linux/if_link.h>
        #include <linux/if_tun.h>
        #include <linux/veth.h>
        #include <linux/net_namespace.h>
        """;

    private static readonly string[] SocketConstants =
        ["AF_NETLINK", "SOCK_RAW", "SOCK_CLOEXEC", "SOL_SOCKET", "SO_SNDBUF", "SO_RCVBUF", "MSG_TRUNC"];

    // (C struct, C field, our struct, our field)
    private static readonly (string, string, Type, string)[] Fields =
    [
        ("ifinfomsg", "ifi_family", typeof(IfInfoMsg), nameof(IfInfoMsg.Family)),
        ("ifinfomsg", "ifi_type", typeof(IfInfoMsg), nameof(IfInfoMsg.Type)),
        ("ifinfomsg", "ifi_index", typeof(IfInfoMsg), nameof(IfInfoMsg.Index)),
        ("ifinfomsg", "ifi_flags", typeof(IfInfoMsg), nameof(IfInfoMsg.Flags)),
        ("ifinfomsg", "ifi_change", typeof(IfInfoMsg), nameof(IfInfoMsg.Change)),
        ("ifaddrmsg", "ifa_family", typeof(IfAddrMsg), nameof(IfAddrMsg.Family)),
        ("ifaddrmsg", "ifa_prefixlen", typeof(IfAddrMsg), nameof(IfAddrMsg.PrefixLength)),
        ("ifaddrmsg", "ifa_flags", typeof(IfAddrMsg), nameof(IfAddrMsg.Flags)),
        ("ifaddrmsg", "ifa_scope", typeof(IfAddrMsg), nameof(IfAddrMsg.Scope)),
        ("ifaddrmsg", "ifa_index", typeof(IfAddrMsg), nameof(IfAddrMsg.Index)),
        ("rtmsg", "rtm_family", typeof(RtMsg), nameof(RtMsg.Family)),
        ("rtmsg", "rtm_dst_len", typeof(RtMsg), nameof(RtMsg.DestinationLength)),
        ("rtmsg", "rtm_src_len", typeof(RtMsg), nameof(RtMsg.SourceLength)),
        ("rtmsg", "rtm_tos", typeof(RtMsg), nameof(RtMsg.Tos)),
        ("rtmsg", "rtm_table", typeof(RtMsg), nameof(RtMsg.Table)),
        ("rtmsg", "rtm_protocol", typeof(RtMsg), nameof(RtMsg.Protocol)),
        ("rtmsg", "rtm_scope", typeof(RtMsg), nameof(RtMsg.Scope)),
        ("rtmsg", "rtm_type", typeof(RtMsg), nameof(RtMsg.Type)),
        ("rtmsg", "rtm_flags", typeof(RtMsg), nameof(RtMsg.Flags)),
        ("fib_rule_hdr", "family", typeof(FibRuleHdr), nameof(FibRuleHdr.Family)),
        ("fib_rule_hdr", "dst_len", typeof(FibRuleHdr), nameof(FibRuleHdr.DestinationLength)),
        ("fib_rule_hdr", "src_len", typeof(FibRuleHdr), nameof(FibRuleHdr.SourceLength)),
        ("fib_rule_hdr", "tos", typeof(FibRuleHdr), nameof(FibRuleHdr.Tos)),
        ("fib_rule_hdr", "table", typeof(FibRuleHdr), nameof(FibRuleHdr.Table)),
        ("fib_rule_hdr", "action", typeof(FibRuleHdr), nameof(FibRuleHdr.Action)),
        ("fib_rule_hdr", "flags", typeof(FibRuleHdr), nameof(FibRuleHdr.Flags)),
        ("rtgenmsg", "rtgen_family", typeof(RtGenMsg), nameof(RtGenMsg.Family)),
        ("sockaddr_nl", "nl_family", typeof(SockAddrNl), nameof(SockAddrNl.nl_family)),
        ("sockaddr_nl", "nl_pid", typeof(SockAddrNl), nameof(SockAddrNl.nl_pid)),
        ("sockaddr_nl", "nl_groups", typeof(SockAddrNl), nameof(SockAddrNl.nl_groups)),
    ];

    [UapiHeadersFact]
    public void Constants_match_the_system_headers()
    {
        var expected = new List<(string Name, long Value, string CType)>();
        foreach (FieldInfo field in typeof(Uapi).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.IsLiteral)
                expected.Add((field.Name, Convert.ToInt64(field.GetRawConstantValue()), CType(field.FieldType)));
        }
        foreach (string name in SocketConstants)
        {
            FieldInfo field = typeof(Native).GetField(name, BindingFlags.Static | BindingFlags.NonPublic)!;
            expected.Add((name, Convert.ToInt64(field.GetRawConstantValue()), CType(field.FieldType)));
        }
        var source = new StringBuilder(Includes).AppendLine().AppendLine("int main(void) {");
        foreach (var (name, _, type) in expected)
            source.AppendLine($"    printf(\"{name} %lld\\n\", (long long)({type})({name}));");
        source.AppendLine("    return 0;\n}");

        string[] actual = Compiler.CompileAndRun(source.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected.Select(e => $"{e.Name} {e.Value}"), actual);
        Assert.True(expected.Count > 100, $"only {expected.Count} constants were checked");
    }

    [UapiHeadersFact]
    public void Struct_sizes_and_field_offsets_match_the_system_headers()
    {
        var source = new StringBuilder(Includes).AppendLine().AppendLine("int main(void) {");
        var expected = new List<string>();
        foreach (var group in Fields.GroupBy(f => (f.Item1, f.Item3)))
        {
            var (cStruct, type) = group.Key;
            string kind = cStruct is "pollfd" ? "struct pollfd" : "struct " + cStruct;
            source.AppendLine($"    printf(\"sizeof {cStruct} %zu\\n\", sizeof({kind}));");
            expected.Add($"sizeof {cStruct} {SizeOf(type)}");
            foreach (var (_, cField, _, field) in group)
            {
                source.AppendLine($"    printf(\"{cStruct}.{cField} %zu\\n\", offsetof({kind}, {cField}));");
                expected.Add($"{cStruct}.{cField} {Marshal.OffsetOf(type, field)}");
            }
        }
        source.AppendLine("    return 0;\n}");

        string[] actual = Compiler.CompileAndRun(source.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, actual);
    }

    private static int SizeOf(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    private static string CType(Type type) =>
        type == typeof(byte) ? "unsigned char"
        : type == typeof(ushort) ? "unsigned short"
        : type == typeof(short) ? "short"
        : type == typeof(uint) ? "unsigned int"
        : "int";
}
