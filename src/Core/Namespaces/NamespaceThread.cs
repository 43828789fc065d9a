using System.Runtime.ExceptionServices;
using Vpnns.Interop;

namespace Vpnns.Namespaces;

/// <summary>
/// Runs work inside a network namespace on a fresh OS thread that dies there. setns and unshare
/// change only the calling thread (reference.md 5.4); a pool thread left in another namespace would
/// silently run later work there, so we never touch pool threads or our caller's thread.
/// </summary>
public static class NamespaceThread
{
    /// <summary>Runs <paramref name="work"/> inside <paramref name="ns"/>. The delegate must not await.</summary>
    public static T Run<T>(NamespaceHandle ns, Func<T> work) =>
        RunOnNewThread(() =>
        {
            LibcCalls.SetNetworkNamespace(ns.Fd, ns.Path);
            return work();
        });

    /// <summary>Runs <paramref name="work"/> inside a brand-new network namespace created for this thread.</summary>
    public static T RunInNewNamespace<T>(Func<T> work) =>
        RunOnNewThread(() =>
        {
            LibcCalls.Unshare(Native.CLONE_NEWNET, "network namespace");
            return work();
        });

    /// <summary>
    /// Runs <paramref name="work"/> on a fresh thread that may move itself between namespaces with setns as it
    /// goes (visiting many namespaces in turn costs one thread, not one each); the thread dies afterwards.
    /// </summary>
    public static T RunOnDedicatedThread<T>(Func<T> work) => RunOnNewThread(work);

    private static T RunOnNewThread<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { error = ExceptionDispatchInfo.Capture(e); }
        }, maxStackSize: 256 * 1024)
        { IsBackground = true, Name = "vpnns-netns" };
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }
}
