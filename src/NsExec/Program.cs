using Vpnns.Exec;

// vpnns-exec [OPTIONS] NAME [--] COMMAND [ARGS...] — see README.md "vpnns-exec" and Core/Exec.
// The runtime's args array is not used: arguments are read as raw bytes from /proc/self/cmdline.
return LauncherProgram.Run();
