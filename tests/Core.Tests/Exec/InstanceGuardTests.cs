using System.Text;
using Vpnns.Exec;
using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Exec;

public class InstanceGuardTests
{
    private const uint Alice = 1000;
    private static readonly FileStatus Firefox = new(8, 100, 0x81ED, 0, 0);
    private static readonly FileStatus Bash = new(8, 200, 0x81ED, 0, 0);
    private static readonly FileStatus HostNet = new(4, 4026531840, 0x8124, 0, 0);
    private static readonly FileStatus VpnNet = new(4, 4026532500, 0x8124, 0, 0);

    private static RunningProcess? Decide(params RunningProcess[] processes) =>
        InstanceGuard.Conflict(Alice, Firefox, VpnNet, selfPid: 50, processes);

    [Fact]
    public void The_same_program_of_the_same_user_outside_the_namespace_is_a_conflict()
    {
        var outside = new RunningProcess(10, Alice, Firefox, HostNet);
        Assert.Equal(outside, Decide(new RunningProcess(9, Alice, Bash, HostNet), outside));
    }

    [Fact]
    public void An_instance_already_inside_the_target_namespace_is_no_conflict() =>
        Assert.Null(Decide(new RunningProcess(10, Alice, Firefox, VpnNet)));

    [Fact]
    public void Another_users_instance_is_no_conflict() =>
        Assert.Null(Decide(new RunningProcess(10, 1001, Firefox, HostNet)));

    [Fact]
    public void A_different_program_is_no_conflict() =>
        Assert.Null(Decide(new RunningProcess(10, Alice, Bash, HostNet)));

    [Fact]
    public void Executables_are_compared_by_device_and_inode_not_by_mode() =>
        Assert.NotNull(Decide(new RunningProcess(10, Alice, Firefox with { Mode = 0x8000 }, HostNet)));

    [Fact]
    public void The_same_inode_on_another_device_is_a_different_file() =>
        Assert.Null(Decide(new RunningProcess(10, Alice, Firefox with { Device = 9 }, HostNet)));

    [Fact]
    public void The_launcher_itself_is_never_a_conflict() =>
        Assert.Null(Decide(new RunningProcess(50, Alice, Firefox, HostNet)));

    [Fact]
    public void The_refusal_is_one_line_naming_the_program_the_pid_and_both_ways_out()
    {
        var e = InstanceGuard.Refusal(Encoding.UTF8.GetBytes("firefox"), new RunningProcess(4242, Alice, Firefox, HostNet));
        Assert.Equal(ExitCodes.LauncherFailure, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("refusing to start a second instance: \"firefox\" already runs outside this namespace (pid 4242)", e.Message);
        Assert.Contains("--new-instance --profile DIR", e.Message);
        Assert.Contains("--allow-other-instance", e.Message);
    }

    [Theory]
    [InlineData("Name:\tsleep\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n", 1000u)]
    [InlineData("Uid: 7 8 9 10\n", 7u)]
    public void The_real_uid_is_the_first_field_of_the_uid_line(string status, uint expected) =>
        Assert.Equal(expected, InstanceGuard.ParseRealUid(status));

    [Theory]
    [InlineData("Name:\tsleep\n")]
    [InlineData("Uid:\n")]
    [InlineData("Uid:\tx\t0\n")]
    public void A_status_without_a_readable_uid_gives_nothing(string status) =>
        Assert.Null(InstanceGuard.ParseRealUid(status));
}
