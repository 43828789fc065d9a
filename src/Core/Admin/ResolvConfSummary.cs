namespace Vpnns.Admin;

/// <summary>Reads the nameserver and search lines of a namespace's resolv.conf for display.</summary>
public static class ResolvConfSummary
{
    public static DnsStatus Read(string path)
    {
        var servers = new List<string>();
        var search = new List<string>();
        if (!File.Exists(path))
            return new DnsStatus(servers, search);
        foreach (string line in File.ReadLines(path))
        {
            string[] words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0] == "nameserver")
                servers.Add(words[1]);
            else if (words.Length >= 2 && words[0] is "search" or "domain")
                search.AddRange(words[1..]);
        }
        return new DnsStatus(servers, search);
    }
}
