using System.Text;

namespace Vpnns.Exec;

/// <summary>
/// The nsswitch.conf a program inside reads: the host's, with every `hosts:` source that answers through a
/// host daemon instead of the namespace's resolv.conf taken out. nss-resolve asks systemd-resolved over
/// varlink, nss-mdns asks avahi, nss-wins asks winbind: each would resolve through the host's network. With
/// them gone from the list, glibc never tries them, so a daemon that re-creates its socket after the launch
/// (which would get past a mount over that socket) still cannot be reached by name lookups.
/// </summary>
public static class NsswitchFilter
{
    /// <summary>The `hosts:` sources that reach a host daemon.</summary>
    public static IReadOnlySet<string> HostDaemonSources { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "resolve", "mdns", "mdns4", "mdns6", "mdns_minimal", "mdns4_minimal", "mdns6_minimal", "wins",
    };

    /// <summary>
    /// <paramref name="content"/> with the `hosts:` line filtered, or null when nothing needs to change (the
    /// host's file can then be used as it is). `dns` is appended when the line lacks it: a host that relies on
    /// systemd-resolved alone would otherwise leave programs inside with no DNS at all.
    /// </summary>
    public static string? Filter(string content)
    {
        var output = new StringBuilder(content.Length);
        bool changed = false;
        foreach (string line in SplitKeepingEnds(content))
        {
            string? filtered = FilterLine(line);
            changed |= filtered is not null;
            output.Append(filtered ?? line);
        }
        return changed ? output.ToString() : null;
    }

    /// <summary>The host-daemon sources the `hosts:` line of <paramref name="content"/> names, in order (for `vpnnsctl check`).</summary>
    public static IReadOnlyList<string> HostDaemonSourcesIn(string content)
    {
        var found = new List<string>();
        foreach (string line in SplitKeepingEnds(content))
        {
            string setting = line.TrimEnd('\n');
            int hash = setting.IndexOf('#');
            if (hash >= 0)
                setting = setting[..hash];
            int colon = setting.IndexOf(':');
            if (colon < 0 || setting[..colon].Trim() != "hosts")
                continue;
            found.AddRange(Tokens(setting[(colon + 1)..]).Where(HostDaemonSources.Contains));
        }
        return found;
    }

    /// <summary>The filtered line with its end of line, or null when it is not a `hosts:` line needing a change.</summary>
    private static string? FilterLine(string line)
    {
        string body = line.TrimEnd('\n');
        string ending = line[body.Length..];
        int hash = body.IndexOf('#');
        string comment = hash >= 0 ? body[hash..] : "";
        string setting = hash >= 0 ? body[..hash] : body;
        int colon = setting.IndexOf(':');
        if (colon < 0 || setting[..colon].Trim() != "hosts")
            return null;
        var kept = new List<string>();
        bool dropping = false, dropped = false, hasDns = false;
        foreach (string token in Tokens(setting[(colon + 1)..]))
        {
            bool isAction = token.StartsWith('[');
            if (isAction)
            {
                // An action item belongs to the source before it: it goes with that source.
                if (!dropping)
                    kept.Add(token);
                continue;
            }
            dropping = HostDaemonSources.Contains(token);
            dropped |= dropping;
            hasDns |= token == "dns";
            if (!dropping)
                kept.Add(token);
        }
        if (!dropped && hasDns)
            return null;
        // An action left first has no source to apply to; glibc would reject the line.
        while (kept.Count > 0 && kept[0].StartsWith('['))
            kept.RemoveAt(0);
        if (!hasDns)
            kept.Add("dns");
        string filtered = "hosts: " + string.Join(' ', kept);
        return (comment.Length > 0 ? filtered + " " + comment : filtered) + ending;
    }

    /// <summary>Sources and bracketed action items; spaces inside brackets are allowed ("[ NOTFOUND = return ]").</summary>
    private static IEnumerable<string> Tokens(string sources)
    {
        int i = 0;
        while (i < sources.Length)
        {
            if (char.IsWhiteSpace(sources[i]))
            {
                i++;
                continue;
            }
            int start = i;
            if (sources[i] == '[')
            {
                int close = sources.IndexOf(']', i);
                i = close < 0 ? sources.Length : close + 1;
                yield return string.Concat(sources[start..i].Where(c => !char.IsWhiteSpace(c)));
                continue;
            }
            while (i < sources.Length && !char.IsWhiteSpace(sources[i]) && sources[i] != '[')
                i++;
            yield return sources[start..i];
        }
    }

    private static IEnumerable<string> SplitKeepingEnds(string content)
    {
        int start = 0;
        while (start < content.Length)
        {
            int newline = content.IndexOf('\n', start);
            int end = newline < 0 ? content.Length : newline + 1;
            yield return content[start..end];
            start = end;
        }
    }
}
