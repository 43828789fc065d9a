using System.Text;
using Vpnns.Namespaces;

namespace Vpnns.Exec;

/// <summary>vpnns-exec's parsed command line. Parsed by hand: no System.CommandLine in the setuid binary.</summary>
public sealed record LaunchCommandLine(LaunchRequest? Request, bool IsCheckOnly, bool IsHelp, bool IsVersion = false)
{
    public const string Usage =
        "usage: vpnns-exec [OPTIONS] NAME [--] COMMAND [ARGS...]\n" +
        "Runs COMMAND inside network namespace NAME, as you.\n" +
        "  --no-new-privs   COMMAND and its children cannot gain privileges (setuid programs do not elevate)\n" +
        "  --keep-dns       do not filter nsswitch.conf nor mask nscd, systemd-resolved, avahi\n" +
        "  --allow-other-instance  run COMMAND even if it already runs outside NAME (it may hand over to that instance)\n" +
        "  --check          only check that you may enter NAME; exit 0 if so, else 125\n" +
        "  --user USER      run as USER with USER's groups (root only)\n" +
        "  --group GROUP    with --user: use GROUP as the primary group (root only)\n" +
        "  -h, --help       show this help\n" +
        "  --version        show the version\n" +
        "Exit status: COMMAND's; 125 vpnns-exec failed or refused; 126 COMMAND cannot run; 127 not found.\n";

    private static readonly LaunchCommandLine Help = new(null, false, true);
    private static readonly LaunchCommandLine Version = new(null, false, false, true);

    /// <summary>Parses argv (argv[0] is the program name) or throws an error with exit status 125.</summary>
    public static LaunchCommandLine Parse(IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        var options = new Options();
        int i = 1;
        for (; i < argv.Count; i++)
        {
            string arg = Decode(argv[i]);
            if (arg == "--")
            {
                i++;
                break;
            }
            if (!arg.StartsWith('-'))
                break;
            if (arg is "-h" or "--help")
                return Help;
            if (arg == "--version")
                return Version;
            i = options.Take(arg, argv, i);
        }
        if (i >= argv.Count)
            throw Fail("missing namespace name", "see vpnns-exec --help");
        var name = ParseName(argv[i++]);
        if (i < argv.Count && argv[i].AsSpan().SequenceEqual("--"u8))
            i++;
        var command = new byte[argv.Count - i][];
        for (int k = 0; k < command.Length; k++)
            command[k] = argv[i + k];
        if (command.Length == 0 && !options.Check)
            throw Fail("missing command", "see vpnns-exec --help");
        var request = new LaunchRequest(name, command, environment)
        {
            User = options.User, Group = options.Group,
            NoNewPrivileges = options.NoNewPrivs, KeepHostDns = options.KeepDns,
            GuardSingleInstance = !options.AllowOtherInstance,
        };
        return new LaunchCommandLine(request, options.Check, false);
    }

    private static NamespaceName ParseName(byte[] raw)
    {
        string text = Decode(raw);
        if (!NamespaceName.TryParse(text, out var name))
            throw Fail("invalid namespace name", ByteStrings.Quote(raw));
        return name;
    }

    // Invalid UTF-8 becomes U+FFFD, which no option or valid name contains, so it is refused later.
    private static string Decode(byte[] raw) => Encoding.UTF8.GetString(raw);

    private static VpnnsException Fail(string what, string subject) =>
        new(what, subject, exitCode: ExitCodes.LauncherFailure);

    private sealed class Options
    {
        public bool NoNewPrivs, KeepDns, Check, AllowOtherInstance;
        public string? User, Group;

        /// <summary>Consumes the option at argv[i] (and its value); returns the index of the last consumed argument.</summary>
        public int Take(string arg, IReadOnlyList<byte[]> argv, int i)
        {
            switch (arg)
            {
                case "--no-new-privs": NoNewPrivs = true; return i;
                case "--keep-dns": KeepDns = true; return i;
                case "--check": Check = true; return i;
                case "--allow-other-instance": AllowOtherInstance = true; return i;
                case "--user": User = Value(arg, argv, ++i); return i;
                case "--group": Group = Value(arg, argv, ++i); return i;
            }
            if (arg.StartsWith("--user=", StringComparison.Ordinal))
                User = NonEmpty("--user", arg["--user=".Length..]);
            else if (arg.StartsWith("--group=", StringComparison.Ordinal))
                Group = NonEmpty("--group", arg["--group=".Length..]);
            else
                throw Fail("unknown option", ByteStrings.Quote(argv[i]));
            return i;
        }

        private static string Value(string option, IReadOnlyList<byte[]> argv, int i) =>
            i < argv.Count ? NonEmpty(option, Decode(argv[i])) : throw Fail("missing value for", option);

        private static string NonEmpty(string option, string value) =>
            value.Length > 0 && !value.Contains('\uFFFD') && !value.Contains('\0')
                ? value
                : throw Fail("invalid value for " + option, NamespaceName.Quote(value));
    }
}
