using System.Diagnostics;
using Vpnns.Interop;
using Vpnns.Namespaces;
using Xunit;

namespace Vpnns.Tests.Namespaces;

public class NamespaceStoreTests
{
    private readonly NamespaceStore _store = new();

    [RootFact]
    public void A_namespace_created_by_vpnns_is_listed_and_usable_by_ip_netns()
    {
        string name = TestNames.Namespace();
        try
        {
            using (_store.Create(NamespaceName.Parse(name))) { }
            Assert.Contains(name, ChildProcess.Ip("netns", "list").Split('\n').Select(l => l.Split(' ')[0]));
            string inside = ChildProcess.Ip("netns", "exec", name, "ip", "-o", "link");
            Assert.Contains("lo:", inside);
            Assert.DoesNotContain("eth", inside);
        }
        finally { Cleanup.Namespace(name); }
    }

    [RootFact]
    public void A_namespace_created_by_ip_netns_is_opened_listed_and_deleted_by_vpnns()
    {
        using var ns = new IpNetns();
        Assert.Contains(ns.Name, _store.ListNames());
        using (var handle = _store.Open(ns.Name))
        {
            LibcCalls.TryStat(ns.Path, true, out var viaStat);
            Assert.True(handle.Status.IsSameObject(viaStat));
        }
        _store.Delete(ns.Name);
        Assert.DoesNotContain(ns.Name, ChildProcess.Ip("netns", "list"));
        Assert.False(File.Exists(ns.Path));
    }

    [RootFact]
    public void Creating_an_existing_name_fails_with_file_exists_and_leaves_it_intact()
    {
        using var ns = new IpNetns();
        var e = Assert.Throws<VpnnsException>(() => _store.Create(NamespaceName.Parse(ns.Name)));
        Assert.Equal($"cannot create namespace file \"{ns.Path}\": File exists", e.Message);
        using var still = _store.Open(ns.Name);
    }

    [RootFact]
    public void A_stale_placeholder_is_refused_by_open_and_replaced_by_open_or_create()
    {
        string name = TestNames.Namespace();
        try
        {
            Directory.CreateDirectory("/run/netns");
            File.WriteAllBytes("/run/netns/" + name, []);
            var e = Assert.Throws<VpnnsException>(() => _store.Open(name));
            Assert.Contains("not a network namespace", e.Message);

            using var handle = _store.OpenOrCreate(NamespaceName.Parse(name), out bool created);
            Assert.True(created);
            Assert.Equal("", ChildProcess.Ip("netns", "exec", name, "true"));
        }
        finally { Cleanup.Namespace(name); }
    }

    [RootFact]
    public void Open_or_create_reuses_a_live_namespace()
    {
        using var ns = new IpNetns();
        using var handle = _store.OpenOrCreate(NamespaceName.Parse(ns.Name), out bool created);
        Assert.False(created);
        LibcCalls.TryStat(ns.Path, true, out var viaStat);
        Assert.True(handle.Status.IsSameObject(viaStat));
    }

    [RootFact]
    public void A_symlink_in_the_run_directory_is_not_followed()
    {
        using var target = new IpNetns();
        string name = TestNames.Namespace();
        try
        {
            File.CreateSymbolicLink("/run/netns/" + name, target.Path);
            var e = Assert.Throws<VpnnsException>(() => _store.Open(name));
            Assert.Contains("Too many levels of symbolic links", e.Message);
        }
        finally { File.Delete("/run/netns/" + name); }
    }

    [RootFact]
    public void A_regular_file_elsewhere_is_not_accepted_as_a_namespace()
    {
        string file = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<VpnnsException>(() => NamespaceHandle.Open(file));
            Assert.Equal($"not a network namespace (no namespace mounted there): {file}", e.Message);
        }
        finally { File.Delete(file); }
    }

    [RootFact]
    public void A_mount_namespace_file_is_not_accepted_as_a_network_namespace()
    {
        var e = Assert.Throws<VpnnsException>(() => NamespaceHandle.Open("/proc/self/ns/mnt"));
        Assert.Equal("not a network namespace: /proc/self/ns/mnt", e.Message);
    }

    [RootFact]
    public void Deleting_a_missing_name_fails_with_no_such_file()
    {
        string name = TestNames.Namespace();
        var e = Assert.Throws<VpnnsException>(() => _store.Delete(name));
        Assert.Equal($"cannot remove namespace file \"/run/netns/{name}\": No such file or directory", e.Message);
        Assert.False(_store.DeleteIfExists(name));
    }

    [RootFact]
    public void Identify_and_pids_find_a_process_started_inside()
    {
        using var ns = new IpNetns();
        using var sleeper = Process.Start("ip", ["netns", "exec", ns.Name, "sleep", "30"]);
        try
        {
            int pid = sleeper.Id;
            Poll.Until(() => _store.Pids(ns.Name).Contains(pid), "sleep to appear in pids");
            Assert.Equal(ns.Name, _store.Identify(pid));
            Assert.DoesNotContain(Environment.ProcessId, _store.Pids(ns.Name));
        }
        finally { sleeper.Kill(); sleeper.WaitForExit(); }
    }

    [RootFact]
    public void Identify_of_a_process_in_an_unnamed_namespace_is_null()
    {
        using var sleeper = Process.Start("unshare", ["--net", "sleep", "30"]);
        try
        {
            Poll.Until(() => LibcCalls.TryStat($"/proc/{sleeper.Id}/ns/net", true, out var s) == 0
                && !s.IsSameObject(NamespaceStore.StatNamespaceOfProcess(0)), "unshare to enter its namespace");
            Assert.Null(_store.Identify(sleeper.Id));
        }
        finally { sleeper.Kill(); sleeper.WaitForExit(); }
    }

    [RootFact]
    public void Identify_of_a_missing_process_fails_naming_its_path()
    {
        var e = Assert.Throws<VpnnsException>(() => _store.Identify(int.MaxValue));
        Assert.Equal($"cannot open network namespace /proc/{int.MaxValue}/ns/net: No such file or directory", e.Message);
    }

    [RootFact]
    public void Attach_names_the_namespace_of_a_running_process()
    {
        string name = TestNames.Namespace();
        using var sleeper = Process.Start("unshare", ["--net", "sleep", "30"]);
        try
        {
            Poll.Until(() => LibcCalls.TryStat($"/proc/{sleeper.Id}/ns/net", true, out var s) == 0
                && !s.IsSameObject(NamespaceStore.StatNamespaceOfProcess(0)), "unshare to enter its namespace");
            using var handle = _store.Attach(NamespaceName.Parse(name), sleeper.Id);
            Assert.True(handle.Status.IsSameObject(NamespaceStore.StatNamespaceOfProcess(sleeper.Id)));
            Assert.Equal(name, _store.Identify(sleeper.Id));
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
            Cleanup.Namespace(name);
        }
    }

    [RootFact]
    public void Attach_to_a_missing_process_fails_and_leaves_no_placeholder()
    {
        string name = TestNames.Namespace();
        var e = Assert.Throws<VpnnsException>(() => _store.Attach(NamespaceName.Parse(name), 999999999));
        Assert.Contains("No such file or directory", e.Message);
        Assert.False(File.Exists("/run/netns/" + name));
    }

    [RootFact]
    public void Work_run_through_namespace_thread_happens_inside_and_leaves_the_caller_outside()
    {
        using var ns = new IpNetns();
        using var handle = _store.Open(ns.Name);
        var before = NamespaceStore.StatNamespaceOfProcess(0);
        bool inside = NamespaceThread.Run(handle, () =>
            LibcCalls.TryStat("/proc/thread-self/ns/net", true, out var st) == 0 && st.IsSameObject(handle.Status));
        Assert.True(inside);
        LibcCalls.TryStat("/proc/thread-self/ns/net", true, out var after);
        Assert.True(after.IsSameObject(before));
    }
}
