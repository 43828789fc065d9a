using Vpnns.Namespaces;

namespace Vpnns.Vpn;

/// <summary>
/// The hook's log on stderr (OpenVPN and pppd put it in their own log): one line per step or note, prefixed with
/// the program and the namespace, e.g. <c>vpnns up: [corp] route add 0.0.0.0/0 dev tun0</c>, so a log can be
/// replayed by hand with <c>ip</c>.
/// </summary>
public sealed class HookLog(TextWriter writer, string program)
{
    private string _scope = "";

    /// <summary>Prefixes later lines with the namespace name.</summary>
    public void EnterNamespace(NamespaceName name) => _scope = $"[{name}] ";

    public void Line(string text) => writer.WriteLine($"{program}: {_scope}{text}");

    public void Notes(IEnumerable<string> notes)
    {
        foreach (var note in notes)
            Line(note);
    }
}
