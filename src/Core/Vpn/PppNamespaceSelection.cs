using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// Which namespace a ppp link goes into: <c>VPNNS</c>, set by the local options (<c>set VPNNS=work</c>; only root
/// and the system option files may use <c>set</c> since pppd 2.5.3, reference.md 2.4). Absent or empty means the
/// link did not opt in. On a server one options file serves every client, so the value may name the client:
/// <c>{peer}</c> is replaced by <c>PEERNAME</c> (the name the client authenticated as, from chap-secrets) and
/// <c>{unit}</c> by <c>UNIT</c> (ppp unit number); the result must still be a valid namespace name.
/// </summary>
public static class PppNamespaceSelection
{
    public const string Variable = "VPNNS";
    private const string PeerPlaceholder = "{peer}";
    private const string UnitPlaceholder = "{unit}";

    /// <summary>Whether the link asked for a namespace at all (whether or not the name turns out usable).</summary>
    public static bool IsOptedIn(IReadOnlyDictionary<string, string> env) =>
        env.TryGetValue(Variable, out var rule) && rule.Length > 0;

    /// <summary>False when the link did not opt in; throws when it did, with a name that cannot be used.</summary>
    public static bool TryChoose(IReadOnlyDictionary<string, string> env, out NamespaceName name)
    {
        name = default;
        if (!IsOptedIn(env))
            return false;
        string rule = env[Variable];
        // UNIT first: pppd writes it as digits, while a PEERNAME that itself says "{unit}" must stay invalid.
        string text = Substitute(rule, UnitPlaceholder, env, "UNIT");
        text = Substitute(text, PeerPlaceholder, env, "PEERNAME");
        if (NamespaceName.TryParse(text, out name))
            return true;
        throw VpnnsException.Invalid(
            "invalid namespace name in VPNNS",
            text == rule ? ParseNotes.Quote(rule) : $"{ParseNotes.Quote(text)} (from {ParseNotes.Quote(rule)})");
    }

    private static string Substitute(string rule, string placeholder, IReadOnlyDictionary<string, string> env, string variable)
    {
        if (!rule.Contains(placeholder, StringComparison.Ordinal))
            return rule;
        if (!env.TryGetValue(variable, out var value) || value.Length == 0)
            throw VpnnsException.Invalid($"VPNNS uses {placeholder}", $"{variable} is not set");
        return rule.Replace(placeholder, value, StringComparison.Ordinal);
    }
}
