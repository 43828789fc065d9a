using Xunit;

namespace Vpnns.Tests;

/// <summary>A test that needs root. Outside CI it skips with a reason; under CI=true it always runs (and fails if not root).</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess && !TestEnvironment.IsCi)
            Skip = "needs root; run: sudo make test";
    }
}

/// <summary>A theory that needs root; same rules as <see cref="RootFactAttribute"/>.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!Environment.IsPrivilegedProcess && !TestEnvironment.IsCi)
            Skip = "needs root; run: sudo make test";
    }
}
