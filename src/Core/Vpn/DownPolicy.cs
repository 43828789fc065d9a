namespace Vpnns.Vpn;

/// <summary>What <c>down</c> does with the namespace (<c>setenv VPNNS_DOWN delete</c>).</summary>
public enum DownPolicy
{
    /// <summary>Default: leave namespace and files, so programs inside stay cut off (fail-closed).</summary>
    Keep,

    /// <summary>Remove the namespace name and the files the hooks created.</summary>
    Delete,
}

/// <summary>Reads <c>VPNNS_DOWN</c>.</summary>
public static class DownPolicyReader
{
    public const string Variable = "VPNNS_DOWN";

    public static DownPolicy Read(IReadOnlyDictionary<string, string> env, ParseNotes notes)
    {
        if (!env.TryGetValue(Variable, out var text) || text is "" or "keep")
            return DownPolicy.Keep;
        if (text == "delete")
            return DownPolicy.Delete;
        // An unknown word must not delete anything: keeping is the fail-closed choice.
        notes.Rejected(Variable, text, "expected \"keep\" or \"delete\"; keeping the namespace");
        return DownPolicy.Keep;
    }
}
