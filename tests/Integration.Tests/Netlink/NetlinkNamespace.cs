using Vpnns.Namespaces;
using Vpnns.Netlink;

namespace Vpnns.Tests.Netlink;

/// <summary>A throwaway namespace with an RtnlClient whose socket was opened inside it on a dedicated thread.</summary>
public sealed class NetlinkNamespace : IDisposable
{
    private readonly IpNetns _ns = new();

    public NetlinkNamespace()
    {
        try
        {
            Handle = NamespaceHandle.Open(_ns.Path);
            Client = NamespaceThread.Run(Handle, RtnlClient.Open);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Name => _ns.Name;

    public NamespaceHandle Handle { get; } = null!;

    public RtnlClient Client { get; } = null!;

    /// <summary>Runs `ip -n NAME ARGS...`.</summary>
    public string Ip(params string[] args) => ChildProcess.Ip(["-n", Name, .. args]);

    /// <summary>Creates a persistent tun device (POINTOPOINT, NOARP, MULTICAST) with iproute2 and returns its index.</summary>
    public int AddTun(string name)
    {
        Ip("tuntap", "add", "dev", name, "mode", "tun");
        return IndexOf(name);
    }

    public int IndexOf(string device) => IpJson.Link(Name, device).GetProperty("ifindex").GetInt32();

    public void Dispose()
    {
        Client?.Dispose();
        Handle?.Dispose();
        _ns.Dispose();
    }
}
