using System.Collections.Immutable;
using System.Net;
using Vpnns.Dns;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Vpnns.Tests.Hooks;
using Xunit;

namespace Vpnns.Tests.Reliability;

/// <summary>
/// resolv.conf written on a full file system (a tiny tmpfs of the test's own): the write fails before any
/// byte changes, so the servers programs inside use stay intact, in the same inode.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("vpnns-full-").FullName;
    private readonly List<string> _mounts = [];

    public void Dispose()
    {
        foreach (string mount in Enumerable.Reverse(_mounts))
            ChildProcess.Run("umount", mount);
        Directory.Delete(_mount, recursive: true);
    }

    private void MountTinyTmpfs(string where)
    {
        Directory.CreateDirectory(where);
        ChildProcess.Run("mount", "-t", "tmpfs", "-o", "size=16k,mode=0755", "tmpfs", where).EnsureSuccess("mount tmpfs");
        _mounts.Add(where);
    }

    /// <summary>Takes every free block, so that the next block anyone needs fails with ENOSPC.</summary>
    private static void Fill(string directory)
    {
        using var filler = File.OpenWrite(Path.Combine(directory, "filler"));
        var page = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(page);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    private static ulong Inode(string path) =>
        LibcCalls.TryStat(path, followSymlinks: false, out var status) == 0 ? status.Inode : throw new FileNotFoundException(path);

    [RootFact]
    public void A_rewrite_that_needs_more_space_than_is_left_keeps_the_old_servers_in_the_same_file()
    {
        MountTinyTmpfs(_mount + "/etc");
        var paths = new NamespacePaths(_mount + "/run", _mount + "/etc");
        var name = NamespaceName.Parse("full");
        Directory.CreateDirectory(_mount + "/etc/full");
        string file = _mount + "/etc/full/resolv.conf";
        File.WriteAllText(file, "nameserver 10.8.0.1\n");
        ulong inode = Inode(file);
        Fill(_mount + "/etc");
        // 16 search domains of 253 characters: more than the page the old file holds.
        string domain = string.Join('.', Enumerable.Repeat(new string('a', 62), 4)) + ".b";
        var dns = new DnsSettings([IPAddress.Parse("10.9.0.1")], [.. Enumerable.Range(0, 16).Select(i => $"{i:x}{domain[1..]}")]);

        var error = Assert.Throws<VpnnsException>(() => ResolvConfFile.Write(paths, name, dns));

        Assert.Contains("No space left on device", error.Message);
        Assert.Contains(file, error.Message);
        Assert.Equal("nameserver 10.8.0.1\n", File.ReadAllText(file));
        Assert.Equal(inode, Inode(file));
    }

    [RootFact]
    public void A_new_file_on_a_full_disk_is_not_left_behind_empty()
    {
        MountTinyTmpfs(_mount + "/etc");
        var paths = new NamespacePaths(_mount + "/run", _mount + "/etc");
        Fill(_mount + "/etc");

        var error = Assert.Throws<VpnnsException>(() =>
            ResolvConfFile.Write(paths, NamespaceName.Parse("fresh"), new DnsSettings([IPAddress.Parse("10.9.0.1")], [])));

        Assert.Contains("No space left on device", error.Message);
        Assert.False(Directory.Exists(_mount + "/etc/fresh"));
    }

    [RootFact]
    public void The_up_hook_on_a_full_disk_fails_in_one_line_undoes_everything_and_works_once_there_is_room()
    {
        var host = new HookHost();
        string etc = "/etc/netns/" + host.VpnName;
        try
        {
            MountTinyTmpfs(etc);
            File.WriteAllBytes(etc + "/resolv.conf", []);
            ulong inode = Inode(etc + "/resolv.conf");
            Fill(etc);

            var up = host.Run("up", host.UpEnvironment());

            Assert.NotEqual(0, up.ExitCode);
            Assert.True(up.Stderr.Contains($"vpnns up: cannot write {etc}/resolv.conf: No space left on device", StringComparison.Ordinal), up.Stderr);
            Assert.Equal(0, new FileInfo(etc + "/resolv.conf").Length);
            Assert.Equal(inode, Inode(etc + "/resolv.conf"));
            Assert.Contains(IpJson.Query(host.Namespace, "link", "show"), l => l.String("ifname") == host.Device);
            Assert.False(File.Exists("/run/netns/" + host.VpnName));

            File.Delete(etc + "/filler");
            host.Run("up", host.UpEnvironment()).EnsureSuccess("up with room");
            Assert.Contains("nameserver 10.8.0.1", File.ReadAllText(etc + "/resolv.conf"));
            Assert.Equal(inode, Inode(etc + "/resolv.conf"));
        }
        finally
        {
            // The tmpfs goes before the host's cleanup removes /etc/netns/NAME.
            ChildProcess.Run("umount", etc);
            _mounts.Remove(etc);
            host.Dispose();
        }
    }
}
