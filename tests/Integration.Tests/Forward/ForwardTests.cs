using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Xunit;

namespace Vpnns.Tests.Forward;

/// <summary>
/// `vpnnsctl forward` against real TCP servers (socat) listening only on the loopback of a throwaway namespace:
/// whatever reaches them from the host went through the relay, since nothing else connects the two.
/// </summary>
public sealed class ForwardTests : IDisposable
{
    private const int EchoPort = 8080;      // inside: echoes every byte
    private const int CountPort = 8081;     // inside: reads to end of file, then answers the byte count
    private const int NothingPort = 8082;   // inside: nobody listens (until a test starts something)
    private readonly IpNetns _ns = new();
    private readonly List<Process> _processes = [];

    public ForwardTests()
    {
        ChildProcess.Ip("-n", _ns.Name, "link", "set", "lo", "up");
        StartInside(EchoPort, "EXEC:cat");
        StartInside(CountPort, "SYSTEM:wc -c");
        Poll.Until(() => Listening(EchoPort) && Listening(CountPort), "the servers inside to listen");
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            if (!p.HasExited)
                p.Kill(entireProcessTree: true);
            p.WaitForExit();
            p.Dispose();
        }
        _ns.Dispose();
    }

    private void StartInside(int port, string server, string bind = "127.0.0.1")
    {
        var psi = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string a in (string[])["netns", "exec", _ns.Name, "socat", $"TCP-LISTEN:{port},bind={bind},fork,reuseaddr", server])
            psi.ArgumentList.Add(a);
        _processes.Add(Process.Start(psi)!);
    }

    private bool Listening(int port) =>
        ChildProcess.Run("ip", "netns", "exec", _ns.Name, "ss", "-Hltn").Stdout.Contains($":{port} ", StringComparison.Ordinal);

    private static int FreeHostPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>A running `vpnnsctl forward`, ready once it printed its "forwarding" line.</summary>
    private sealed class Forwarder : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stderr;

        public Forwarder(params string[] args)
        {
            var psi = new ProcessStartInfo(TestEnvironment.Binary("vpnnsctl")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("forward");
            foreach (string a in args)
                psi.ArgumentList.Add(a);
            _process = Process.Start(psi)!;
            _stderr = _process.StandardError.ReadToEndAsync();
            Ready = _process.StandardOutput.ReadLine() ?? "";
        }

        public string Ready { get; }

        public string Stderr => _stderr.IsCompleted ? _stderr.Result : "";

        public bool HasExited => _process.HasExited;

        /// <summary>SIGTERM, as systemd or kill would send; returns the exit status and what it printed on stderr.</summary>
        public (int ExitCode, string Stderr) Stop()
        {
            ChildProcess.Run("kill", "-TERM", _process.Id.ToString()).EnsureSuccess("kill -TERM");
            if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
                throw new TimeoutException("forward did not stop on SIGTERM");
            return (_process.ExitCode, _stderr.Result);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }
    }

    private static byte[] Exchange(IPEndPoint to, byte[] request, bool halfClose)
    {
        using var client = new TcpClient(to.AddressFamily);
        client.Connect(to);
        using var stream = client.GetStream();
        var reading = Task.Run(() =>
        {
            using var reply = new MemoryStream();
            stream.CopyTo(reply);
            return reply.ToArray();
        });
        stream.Write(request);
        if (halfClose)
            client.Client.Shutdown(SocketShutdown.Send);
        if (!reading.Wait(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("no end of the reply");
        return reading.Result;
    }

    // The host's side: its devices and routes (its addresses may carry lease times that count down).
    private static string Snapshot(string? ns) => ns is null
        ? string.Join(' ', System.Text.Json.JsonDocument.Parse(ChildProcess.Ip("-j", "link", "show")).RootElement.EnumerateArray()
            .Select(l => l.GetProperty("ifname").GetString())) + ChildProcess.Ip("-j", "route", "show")
        : string.Join('\n', new[] { "link", "addr", "route" }.Select(what => ChildProcess.Ip("-n", ns, "-j", what, "show")))
            + ChildProcess.Ip("-n", ns, "-6", "-j", "route", "show");

    [RootFact]
    public void Bytes_go_both_ways_and_a_client_that_stops_writing_still_gets_the_whole_reply()
    {
        int port = FreeHostPort();
        using var forward = new Forwarder(_ns.Name, $"{port}:{CountPort}");
        Assert.Equal($"forwarding 127.0.0.1:{port} -> {_ns.Name} 127.0.0.1:{CountPort} (or [::1]:{CountPort})", forward.Ready);

        byte[] reply = Exchange(new IPEndPoint(IPAddress.Loopback, port), new byte[12345], halfClose: true);

        Assert.Equal("12345", System.Text.Encoding.ASCII.GetString(reply).Trim());
    }

    [RootFact]
    public void Four_megabytes_arrive_intact_and_eight_clients_at_once_each_get_their_own_bytes()
    {
        int port = FreeHostPort();
        using var forward = new Forwarder(_ns.Name, $"{port}:{EchoPort}");
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        byte[] big = RandomNumberGenerator.GetBytes(4 * 1024 * 1024);

        Assert.Equal(SHA256.HashData(big), SHA256.HashData(Exchange(endpoint, big, halfClose: true)));

        var clients = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            byte[] mine = RandomNumberGenerator.GetBytes(64 * 1024 + i);
            return (mine, Exchange(endpoint, mine, halfClose: true));
        })).ToArray();
        Task.WaitAll(clients);
        Assert.All(clients, c => Assert.Equal(c.Result.mine, c.Result.Item2));
    }

    [RootFact]
    public void An_IPv6_listener_reaches_a_service_that_listens_on_IPv4_only_inside()
    {
        int port = FreeHostPort();
        using var forward = new Forwarder(_ns.Name, $"[::1]:{port}:{EchoPort}");

        byte[] reply = Exchange(new IPEndPoint(IPAddress.IPv6Loopback, port), "over v6"u8.ToArray(), halfClose: true);

        Assert.Equal("over v6", System.Text.Encoding.ASCII.GetString(reply));
    }

    [RootFact]
    public void Nothing_is_added_to_either_namespace()
    {
        string host = Snapshot(null), inside = Snapshot(_ns.Name);
        int port = FreeHostPort();
        using (var forward = new Forwarder(_ns.Name, $"{port}:{EchoPort}"))
        {
            Exchange(new IPEndPoint(IPAddress.Loopback, port), "x"u8.ToArray(), halfClose: true);
            Assert.Equal(inside, Snapshot(_ns.Name));
            Assert.Equal(host, Snapshot(null));
            Assert.Equal(0, forward.Stop().ExitCode);
        }
        Assert.Equal(inside, Snapshot(_ns.Name));
    }

    [RootFact]
    public void A_refused_connection_inside_is_one_line_and_the_forward_keeps_serving()
    {
        int port = FreeHostPort();
        using var forward = new Forwarder(_ns.Name, $"{port}:{NothingPort}");
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);

        // The client cannot be told "refused" after its connection was accepted: it gets a reset or an empty reply.
        try
        {
            Assert.Empty(Exchange(endpoint, "hello"u8.ToArray(), halfClose: false));
        }
        catch (Exception e) when (e is IOException or SocketException or AggregateException)
        {
        }
        StartInside(NothingPort, "EXEC:cat");
        Poll.Until(() => Listening(NothingPort), "the late server");
        byte[] reply = Exchange(endpoint, "again"u8.ToArray(), halfClose: true);

        var (code, stderr) = forward.Stop();
        Assert.Equal("again", System.Text.Encoding.ASCII.GetString(reply));
        Assert.Equal(0, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($"^vpnnsctl: connection from 127\\.0\\.0\\.1:\\d+: cannot connect to 127\\.0\\.0\\.1:{NothingPort} or \\[::1\\]:{NothingPort} in \"{_ns.Name}\": Connection refused$", line);
    }

    [RootFact]
    public void Sigterm_ends_it_with_status_0_and_frees_the_port()
    {
        int port = FreeHostPort();
        var forward = new Forwarder(_ns.Name, $"{port}:{EchoPort}");
        Assert.StartsWith("forwarding", forward.Ready);

        var (code, stderr) = forward.Stop();
        forward.Dispose();

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        again.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    [RootFact]
    public void A_second_forward_on_the_port_of_a_running_one_is_refused_instead_of_sharing_it()
    {
        int port = FreeHostPort();
        using var first = new Forwarder(_ns.Name, $"{port}:{EchoPort}");
        Assert.StartsWith("forwarding", first.Ready);

        var second = ChildProcess.Run(TestEnvironment.Binary("vpnnsctl"), ["forward", _ns.Name, $"{port}:{CountPort}"], environment: null);

        Assert.Equal(1, second.ExitCode);
        Assert.Equal($"vpnnsctl: cannot listen on 127.0.0.1:{port}: Address already in use\n", second.Stderr);
        Assert.Equal("abc"u8.ToArray(), Exchange(new IPEndPoint(IPAddress.Loopback, port), "abc"u8.ToArray(), halfClose: true));
    }

    [RootFact]
    public void Bad_input_is_one_line_and_a_non_zero_exit()
    {
        string vpnnsctl = TestEnvironment.Binary("vpnnsctl");
        int port = FreeHostPort();
        using var busy = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        busy.Bind(new IPEndPoint(IPAddress.Loopback, port));
        busy.Listen();
        string missing = TestNames.Namespace();

        (string[] Args, int Code, string Error)[] cases =
        [
            ([_ns.Name, "99999"], 2, "vpnnsctl: invalid port: \"99999\" in \"99999\" (a number from 1 to 65535)"),
            ([_ns.Name, "::1:80"], 2, "an IPv6 address goes in brackets"),
            ([missing, "8080"], 1, $"/run/netns/{missing}"),
            ([_ns.Name, $"{port}:{EchoPort}"], 1, $"vpnnsctl: cannot listen on 127.0.0.1:{port}: Address already in use"),
            ([_ns.Name], 2, "vpnnsctl: "),
        ];
        foreach (var (args, code, error) in cases)
        {
            var result = ChildProcess.Run(vpnnsctl, ["forward", .. args], environment: null);
            Assert.True(result.ExitCode == code, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Stderr}");
            Assert.Contains(error, result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
            Assert.Equal("", result.Stdout);
        }
    }
}
