using System.Text;
using Vpnns.Exec;
using Xunit;

namespace Vpnns.Tests.Exec;

public class LaunchCommandLineTests
{
    private static readonly byte[][] Env = [B("PATH=/usr/bin")];

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static LaunchCommandLine Parse(params string[] args) =>
        LaunchCommandLine.Parse([B("vpnns-exec"), .. args.Select(B)], Env);

    private static string Fails(params string[] args)
    {
        var e = Assert.Throws<VpnnsException>(() => Parse(args));
        Assert.Equal(ExitCodes.LauncherFailure, e.ExitCode);
        return e.Message;
    }

    private static string[] Command(LaunchCommandLine line) => line.Request!.Command.Select(Encoding.UTF8.GetString).ToArray();

    [Fact]
    public void Name_and_command_with_arguments_are_taken_in_order()
    {
        var line = Parse("work", "firefox", "--new-window", "x");
        Assert.Equal("work", line.Request!.Name.Value);
        Assert.Equal(["firefox", "--new-window", "x"], Command(line));
        Assert.False(line.IsCheckOnly);
        Assert.Same(Env, line.Request.Environment);
    }

    [Fact]
    public void Options_after_the_name_belong_to_the_command()
    {
        Assert.Equal(["ls", "--check", "--user", "root"], Command(Parse("work", "ls", "--check", "--user", "root")));
        Assert.Null(Parse("work", "ls", "--user", "root").Request!.User);
    }

    [Fact]
    public void A_double_dash_after_the_name_is_skipped_once()
    {
        Assert.Equal(["ls"], Command(Parse("work", "--", "ls")));
        Assert.Equal(["--", "x"], Command(Parse("work", "--", "--", "x")));
    }

    [Fact]
    public void A_double_dash_before_the_name_ends_the_options()
    {
        Assert.Equal(["id"], Command(Parse("--no-new-privs", "--", "work", "id")));
        Assert.Equal("invalid namespace name: \"--check\"", Fails("--", "--check", "id"));
    }

    [Fact]
    public void Every_option_is_parsed()
    {
        var r = Parse("--no-new-privs", "--keep-dns", "--user", "alice", "--group=staff", "work", "id").Request!;
        Assert.True(r.NoNewPrivileges);
        Assert.True(r.KeepHostDns);
        Assert.Equal("alice", r.User);
        Assert.Equal("staff", r.Group);
        Assert.Equal("bob", Parse("--user=bob", "work", "id").Request!.User);
        Assert.Equal("users", Parse("--group", "users", "work", "id").Request!.Group);
    }

    [Fact]
    public void Defaults_are_off()
    {
        var r = Parse("work", "id").Request!;
        Assert.False(r.NoNewPrivileges);
        Assert.False(r.KeepHostDns);
        Assert.Null(r.User);
        Assert.Null(r.Group);
    }

    [Fact]
    public void Check_needs_no_command()
    {
        var line = Parse("--check", "work");
        Assert.True(line.IsCheckOnly);
        Assert.Empty(line.Request!.Command);
    }

    [Fact]
    public void Help_wins_wherever_it_appears_among_the_options()
    {
        Assert.True(Parse("--help").IsHelp);
        Assert.True(Parse("--keep-dns", "-h", "work", "id").IsHelp);
        Assert.Contains("usage: vpnns-exec [OPTIONS] NAME [--] COMMAND [ARGS...]", LaunchCommandLine.Usage);
    }

    [Fact]
    public void Version_is_an_option_too() => Assert.True(Parse("--version").IsVersion);

    [Theory]
    [InlineData(new string[0], "missing namespace name: see vpnns-exec --help")]
    [InlineData(new[] { "work" }, "missing command: see vpnns-exec --help")]
    [InlineData(new[] { "--bogus", "work", "id" }, "unknown option: \"--bogus\"")]
    [InlineData(new[] { "-x", "work", "id" }, "unknown option: \"-x\"")]
    [InlineData(new[] { "--user" }, "missing value for: --user")]
    [InlineData(new[] { "--user=", "work", "id" }, "invalid value for --user: \"\"")]
    [InlineData(new[] { "--no-new-privs" }, "missing namespace name: see vpnns-exec --help")]
    public void Malformed_command_lines_fail_with_125_and_one_line(string[] args, string message) =>
        Assert.Equal(message, Fails(args));

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("name with space")]
    [InlineData("x\ny")]
    [InlineData("ünïcode")]
    public void Hostile_names_are_refused_with_the_name_escaped(string name)
    {
        string message = Fails(name, "id");
        Assert.StartsWith("invalid namespace name: \"", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_name_of_65_characters_is_refused_and_64_is_accepted()
    {
        Assert.StartsWith("invalid namespace name", Fails(new string('a', 65), "id"));
        Assert.Equal(64, Parse(new string('a', 64), "id").Request!.Name.Value.Length);
    }

    [Fact]
    public void Invalid_utf8_in_the_name_is_refused_showing_the_bytes()
    {
        var e = Assert.Throws<VpnnsException>(() =>
            LaunchCommandLine.Parse([B("vpnns-exec"), [0x77, 0xff], B("id")], Env));
        Assert.Equal("invalid namespace name: \"w\\xff\"", e.Message);
    }

    [Fact]
    public void Command_bytes_that_are_not_utf8_are_kept_exactly()
    {
        byte[] raw = [0x66, 0xff, 0xfe, 0x00 + 0x41];
        var line = LaunchCommandLine.Parse([B("vpnns-exec"), B("work"), B("cat"), raw], Env);
        Assert.Equal(raw, line.Request!.Command[1]);
    }

    [Fact]
    public void The_single_instance_guard_is_on_unless_allow_other_instance_is_given()
    {
        Assert.True(Parse("work", "firefox").Request!.GuardSingleInstance);
        Assert.False(Parse("--allow-other-instance", "work", "firefox").Request!.GuardSingleInstance);
        Assert.Contains("--allow-other-instance", LaunchCommandLine.Usage);
    }
}
