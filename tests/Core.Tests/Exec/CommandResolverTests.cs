using System.Text;
using Vpnns.Exec;
using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Exec;

public class CommandResolverTests
{
    private static string[] Candidates(string command, string? path) =>
        CommandResolver.Candidates(Encoding.UTF8.GetBytes(command), path is null ? null : Encoding.UTF8.GetBytes(path))
            .Select(Encoding.UTF8.GetString).ToArray();

    [Fact]
    public void A_command_with_a_slash_is_used_as_is() =>
        Assert.Equal(["./run.sh"], Candidates("./run.sh", "/usr/bin"));

    [Fact]
    public void A_bare_command_is_searched_in_path_order() =>
        Assert.Equal(["/home/u/bin/ff", "/usr/bin/ff"], Candidates("ff", "/home/u/bin:/usr/bin"));

    [Fact]
    public void Empty_path_entries_mean_the_current_directory_as_in_execvp() =>
        Assert.Equal(["ff", "/bin/ff", "ff"], Candidates("ff", ":/bin:"));

    [Fact]
    public void Without_path_the_glibc_default_is_searched() =>
        Assert.Equal(["/bin/ff", "/usr/bin/ff"], Candidates("ff", null));

    [Fact]
    public void An_empty_command_has_no_candidates() => Assert.Empty(Candidates("", "/bin"));

    [Fact]
    public void Path_bytes_that_are_not_utf8_are_kept()
    {
        var found = CommandResolver.Candidates("x"u8.ToArray(), [0x2f, 0xff, 0x3a, 0x2f, 0x62]);
        Assert.Equal([[0x2f, 0xff, 0x2f, 0x78], "/b/x"u8.ToArray()], found);
    }

    [Theory]
    [InlineData(Errno.ENOENT, true)]
    [InlineData(Errno.ENOTDIR, true)]
    [InlineData(Errno.EACCES, true)]
    [InlineData(8 /* ENOEXEC */, false)]
    [InlineData(Errno.E2BIG, false)]
    [InlineData(Errno.ENOMEM, false)]
    public void The_search_goes_on_only_after_errors_execvp_skips(int errno, bool continues) =>
        Assert.Equal(continues, CommandResolver.ContinuesSearch(errno));

    [Theory]
    [InlineData(Errno.ENOENT, 127)]
    [InlineData(Errno.ENOTDIR, 127)]
    [InlineData(Errno.EACCES, 126)]
    [InlineData(8, 126)]
    [InlineData(Errno.E2BIG, 126)]
    public void Not_found_is_127_and_not_executable_is_126(int errno, int exitCode) =>
        Assert.Equal(exitCode, CommandResolver.ExitCodeFor(errno));
}
