using Vpnns.Exec;
using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Exec;

public class OverlayRulesTests
{
    private static FileStatus File(uint mode, uint uid = 0) => new(1, 2, 0x8000 | mode, uid, 0);
    private static FileStatus Dir(uint mode, uint uid = 0) => new(1, 2, 0x4000 | mode, uid, 0);
    private static FileStatus Link(uint uid = 0) => new(1, 2, 0xA000 | 0x1ff, uid, 0);

    [Fact]
    public void Root_owned_files_and_directories_not_writable_by_others_are_accepted()
    {
        Assert.Null(OverlayRules.TopLevelProblem(File(0x1a4))); // 0644
        Assert.Null(OverlayRules.TopLevelProblem(File(0x180))); // 0600
        Assert.Null(OverlayRules.TopLevelProblem(Dir(0x1ed)));  // 0755
    }

    [Theory]
    [InlineData(0x1b4u, "writable by group or others")] // 0664
    [InlineData(0x1a6u, "writable by group or others")] // 0646
    [InlineData(0x1ffu, "writable by group or others")] // 0777
    public void Group_or_world_writable_files_are_refused(uint mode, string problem) =>
        Assert.Equal(problem, OverlayRules.TopLevelProblem(File(mode)));

    [Fact]
    public void Files_not_owned_by_root_are_refused() =>
        Assert.Equal("not owned by root", OverlayRules.TopLevelProblem(File(0x1a4, uid: 1000)));

    [Fact]
    public void A_sticky_world_writable_directory_is_refused() =>
        Assert.Equal("writable by group or others", OverlayRules.TopLevelProblem(Dir(0x3ff))); // 1777

    [Fact]
    public void A_symlink_is_refused_at_the_top_level_even_when_root_owned() =>
        Assert.Equal("symbolic link", OverlayRules.TopLevelProblem(Link()));

    [Fact]
    public void Devices_fifos_and_sockets_are_refused()
    {
        Assert.Equal("not a regular file or directory", OverlayRules.TopLevelProblem(new FileStatus(1, 2, 0x1000 | 0x1a4, 0, 0)));
        Assert.Equal("not a regular file or directory", OverlayRules.TopLevelProblem(new FileStatus(1, 2, 0x2000 | 0x1a4, 0, 0)));
        Assert.Equal("not a regular file or directory", OverlayRules.TopLevelProblem(new FileStatus(1, 2, 0xC000 | 0x1a4, 0, 0)));
    }

    [Fact]
    public void Below_a_bound_directory_root_owned_symlinks_are_allowed_but_others_are_not()
    {
        Assert.Null(OverlayRules.NestedProblem(Link()));
        Assert.Equal("symbolic link not owned by root", OverlayRules.NestedProblem(Link(uid: 1000)));
        Assert.Equal("writable by group or others", OverlayRules.NestedProblem(File(0x1b6)));
        Assert.Equal("not owned by root", OverlayRules.NestedProblem(File(0x1a4, uid: 5)));
    }

    [Fact]
    public void The_netns_directories_must_be_root_owned_directories()
    {
        Assert.Null(OverlayRules.DirectoryProblem(Dir(0x1ed)));
        Assert.Equal("not a directory", OverlayRules.DirectoryProblem(Link()));
        Assert.Equal("not owned by root", OverlayRules.DirectoryProblem(Dir(0x1ed, uid: 1000)));
        Assert.Equal("writable by group or others", OverlayRules.DirectoryProblem(Dir(0x1fd)));
    }
}
