namespace Vpnns.Interop;

/// <summary>Signal dispositions and the mask that an exec'd program inherits.</summary>
public static unsafe class SignalState
{
    /// <summary>
    /// Prepares signals for execve: SIGPIPE back to default and an empty mask on this thread. The .NET
    /// runtime ignores SIGPIPE before Main (reference.md 6.5), and ignored signals survive execve, so
    /// without this `yes | head` would misbehave inside. Caught signals (the runtime's SIGSEGV/SIGFPE
    /// handlers) reset on exec by themselves; other ignored signals are the caller's (nohup's SIGHUP) and
    /// are left as they are.
    /// </summary>
    public static void PrepareForExec()
    {
        var action = default(Native.SigActionData);
        action.Handler = Native.SIG_DFL;
        if (Native.SigAction(Native.SIGPIPE, &action, null) != 0)
            throw new VpnnsException("cannot reset", "SIGPIPE", Errno.Last());
        var empty = default(Native.SigSet);
        int error = Native.PthreadSigMask(Native.SIG_SETMASK, &empty, null);
        if (error != 0)
            throw new VpnnsException("cannot clear", "signal mask", error);
    }
}
