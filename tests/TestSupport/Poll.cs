namespace Vpnns.Tests;

/// <summary>Waits for a condition with a deadline; never a bare sleep used as synchronisation.</summary>
public static class Poll
{
    public static void Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }
}
