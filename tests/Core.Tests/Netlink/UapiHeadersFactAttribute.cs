using Xunit;

namespace Vpnns.Tests.Netlink;

/// <summary>A test that compiles C against the kernel uapi headers: skips when gcc or the headers are missing, except under CI=true.</summary>
public sealed class UapiHeadersFactAttribute : FactAttribute
{
    public const string Header = "/usr/include/linux/rtnetlink.h";

    public UapiHeadersFactAttribute()
    {
        if (TestEnvironment.IsCi)
            return;
        if (!File.Exists(Header))
            Skip = $"{Header} is missing; install linux-libc-dev";
        else if (Compiler.Find() is null)
            Skip = "gcc is not installed";
    }
}
