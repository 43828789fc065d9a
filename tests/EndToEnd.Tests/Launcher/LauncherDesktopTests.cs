using System.Runtime.Versioning;
using Xunit;
using static Vpnns.Tests.Launcher.InstalledLauncher;

namespace Vpnns.Tests.Launcher;

/// <summary>
/// A desktop session's sockets reached through vpnns-exec by an unprivileged user: an X server (Xvfb), a D-Bus
/// session bus and a PulseAudio-style socket, all started by that user outside the namespace. Every one is a
/// path-named Unix socket, which crosses network namespaces; abstract ones (X11's @/tmp/.X11-unix/Xn) do not.
/// </summary>
[SupportedOSPlatform("linux")]
[Collection(LauncherCollection.Name)]
public class LauncherDesktopTests(InstalledLauncher launcher)
{
    // Runs as the user. $RT is a fresh 0700 runtime directory of theirs; $D a display number free right now.
    private const string Session = """
        set -eu
        export XDG_RUNTIME_DIR=$RT WAYLAND_DISPLAY=wayland-test XAUTHORITY=$RT/Xauthority DISPLAY=:$D
        pids=""; trap 'kill $pids 2>/dev/null || true' EXIT
        xauth -q -f "$XAUTHORITY" add "$DISPLAY" . "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
        Xvfb "$DISPLAY" -nolisten tcp -auth "$XAUTHORITY" 2>"$RT/xvfb.log" & pids="$pids $!"
        dbus-daemon --session --nofork --address="unix:path=$RT/bus" & pids="$pids $!"
        export DBUS_SESSION_BUS_ADDRESS=unix:path=$RT/bus
        mkdir "$RT/pulse"
        socat UNIX-LISTEN:"$RT/pulse/native",fork SYSTEM:'echo pulse-ok' & pids="$pids $!"
        for i in $(seq 500); do
            [ -S /tmp/.X11-unix/X$D ] && [ -S "$RT/bus" ] && [ -S "$RT/pulse/native" ] && break; sleep 0.02
        done
        echo "env: $("$V" "$NS" sh -c 'echo $DISPLAY $XAUTHORITY $DBUS_SESSION_BUS_ADDRESS $XDG_RUNTIME_DIR $WAYLAND_DISPLAY')"
        echo "netns: $("$V" "$NS" readlink /proc/self/ns/net)"
        "$V" "$NS" xdpyinfo | grep -m1 '^name of display:'
        "$V" "$NS" dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.ListNames | grep -c 'string "org.freedesktop.DBus"'
        # The server is socat too, running outside: the single-instance guard would (rightly) refuse.
        "$V" --allow-other-instance "$NS" socat - UNIX-CONNECT:"$XDG_RUNTIME_DIR/pulse/native"
        """;

    [RootFact]
    public void X11_dbus_and_a_pulse_socket_of_the_user_work_inside()
    {
        using var ns = new LauncherNamespace();
        string rt = System.IO.Directory.CreateTempSubdirectory("vpnns-rt-").FullName;
        try
        {
            Run("chown", Member + ":" + Member, rt).Require("chown");
            File.SetUnixFileMode(rt, (UnixFileMode)0x1c0); // 0700
            if (!System.IO.Directory.Exists("/tmp/.X11-unix"))
            {
                System.IO.Directory.CreateDirectory("/tmp/.X11-unix");
                File.SetUnixFileMode("/tmp/.X11-unix", (UnixFileMode)0x3ff); // 1777, as the X server expects
            }
            int display = FreeDisplay();
            var r = Run("setpriv", [.. AsUser(Member), "/bin/bash", "-c", Session], new()
                { ["V"] = launcher.Path, ["NS"] = ns.Name, ["RT"] = rt, ["D"] = display.ToString() });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(
                $"env: :{display} {rt}/Xauthority unix:path={rt}/bus {rt} wayland-test\n" +
                $"netns: {ns.Identity}\n" +
                $"name of display:    :{display}\n" +
                "1\n" +
                "pulse-ok\n", r.Out);
        }
        finally
        {
            Run("rm", "-rf", "--", rt);
        }
    }

    private static int FreeDisplay()
    {
        for (int n = 100 + Environment.ProcessId % 400; ; n++)
        {
            if (!File.Exists($"/tmp/.X{n}-lock") && !File.Exists($"/tmp/.X11-unix/X{n}"))
                return n;
        }
    }
}
