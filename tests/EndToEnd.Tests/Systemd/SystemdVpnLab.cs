using Vpnns.Tests.Package;
using Xunit;

namespace Vpnns.Tests.Systemd;

/// <summary>
/// One booted container for all systemd tests, set up as an admin would set up a machine: the .deb installed,
/// an OpenVPN server (openvpn-server@lab) in namespace "vpnlab" behind a veth, the client
/// openvpn-client@work with the vpnns drop-in linked as README says, vpnns@work enabled for user alice, and
/// service "vpnlab-probe" put into namespace work by contrib/systemd/service-in-namespace.conf. Fixed names
/// are safe here: everything lives in the container's own network namespace, which nothing else uses.
/// </summary>
public sealed class SystemdVpnLab : IDisposable
{
    public const string ServerTunnelAddress = "10.8.0.1";
    public const string ServerAddress = "10.99.0.2";
    /// <summary>The container's own end of the veth: what the VPN namespace must not reach.</summary>
    public const string HostSideAddress = "10.99.0.1";
    public const string User = "alice";
    public const string Outsider = "bob";
    public const string Probe = "vpnlab-probe.service";

    /// <summary>What vpnns@work runs (configured in /etc/vpnns/exec/work.conf).</summary>
    public const string TemplateCommand = "sh -c \"id -un; ip netns identify; cat /etc/resolv.conf; exec sleep infinity\"";

    private static readonly string Setup = $$"""
        set -e
        dpkg -i {{BootedSystemd.Shared}}/vpnns.deb >/dev/null

        ip netns add vpnlab
        ip link add vlab-host type veth peer name vlab-srv
        ip link set vlab-srv netns vpnlab
        ip addr add {{HostSideAddress}}/24 dev vlab-host
        ip link set vlab-host up
        ip -n vpnlab addr add {{ServerAddress}}/24 dev vlab-srv
        ip -n vpnlab link set vlab-srv up
        ip -n vpnlab link set lo up

        pki={{BootedSystemd.Shared}}/pki
        mkdir -p /etc/openvpn/server/lab /etc/openvpn/client/work
        cp $pki/ca.crt $pki/server.crt $pki/server.key /etc/openvpn/server/lab/
        cp $pki/ca.crt $pki/client.crt $pki/client.key /etc/openvpn/client/work/
        cat > /etc/openvpn/server/lab.conf <<EOF
        dev tun
        topology subnet
        server 10.8.0.0 255.255.255.0
        proto udp
        local {{ServerAddress}}
        port 1194
        ca lab/ca.crt
        cert lab/server.crt
        key lab/server.key
        dh none
        keepalive 10 60
        push "dhcp-option DNS {{ServerTunnelAddress}}"
        push "dhcp-option DOMAIN vpn.example"
        EOF
        mkdir -p /etc/systemd/system/openvpn-server@lab.service.d
        printf '[Service]\nNetworkNamespacePath=/run/netns/vpnlab\n' > /etc/systemd/system/openvpn-server@lab.service.d/lab.conf

        cat > /etc/openvpn/client/work.conf <<EOF
        client
        dev tun
        proto udp
        remote {{ServerAddress}} 1194
        nobind
        ca work/ca.crt
        cert work/client.crt
        key work/client.key
        remote-cert-tls server
        script-security 2
        setenv VPNNS_NAME work
        ifconfig-noexec
        route-noexec
        disable-dco
        up /usr/lib/vpnns/up
        down /usr/lib/vpnns/down
        EOF
        mkdir -p /etc/systemd/system/openvpn-client@work.service.d
        ln -s /usr/share/vpnns/systemd/openvpn-vpnns.conf /etc/systemd/system/openvpn-client@work.service.d/vpnns.conf

        useradd --create-home --groups vpnns {{User}}
        useradd --create-home {{Outsider}}
        mkdir -p /etc/vpnns/exec
        cat > /etc/vpnns/exec/work.conf <<'EOF'
        VPNNS_USER={{User}}
        VPNNS_COMMAND={{TemplateCommand}}
        EOF

        cat > /etc/systemd/system/{{Probe}} <<'EOF'
        [Service]
        ExecStartPre=/bin/sh -c 'ping -c1 -W2 {{ServerTunnelAddress}} >/dev/null && echo reached {{ServerTunnelAddress}} || echo cannot reach {{ServerTunnelAddress}}'
        ExecStartPre=/bin/sh -c 'ping -c1 -W1 {{HostSideAddress}} >/dev/null && echo reached {{HostSideAddress}} || echo cannot reach {{HostSideAddress}}'
        ExecStart=/bin/sleep infinity
        EOF
        mkdir -p /etc/systemd/system/{{Probe}}.d
        sed 's/@NAME@/work/g' /usr/share/doc/vpnns/contrib/systemd/service-in-namespace.conf > /etc/systemd/system/{{Probe}}.d/vpnns.conf

        systemctl daemon-reload
        systemctl enable --quiet vpnns@work
        systemctl start openvpn-server@lab
        systemctl start openvpn-client@work
        systemctl start vpnns@work {{Probe}}
        """;

    public SystemdVpnLab()
    {
        Container = new BootedSystemd();
        try
        {
            File.Copy(BuiltPackage.Path, Path.Combine(Container.HostDirectory, "vpnns.deb"));
            ChildProcess.Run("bash", Path.Combine(TestEnvironment.RepoRoot, "scripts", "openvpn-test-pki"),
                Path.Combine(Container.HostDirectory, "pki")).EnsureSuccess("openvpn-test-pki");
            Container.Must(Setup);
        }
        catch
        {
            Container.Dispose();
            throw;
        }
    }

    public BootedSystemd Container { get; }

    /// <summary>`systemctl show -P PROPERTY UNIT`.</summary>
    public string Property(string unit, string property) => Container.Must($"systemctl show -P {property} {unit}").Trim();

    public int MainPid(string unit) => int.Parse(Property(unit, "MainPID"));

    /// <summary>Waits until the VPN is connected again and the template and probe run (after a test stopped them).</summary>
    public void Restore()
    {
        Container.Must("systemctl start openvpn-server@lab openvpn-client@work && systemctl start vpnns@work " + Probe);
    }

    public void Dispose() => Container.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SystemdCollection : ICollectionFixture<SystemdVpnLab>
{
    // One booted container for every systemd test; they run one after another.
    public const string Name = "booted systemd";
}
