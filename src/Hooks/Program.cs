using Vpnns;

// The OpenVPN and pppd hooks arrive with their own issues; until then this binary refuses honestly.
return EntryPoint.Run("vpnns-hook", () =>
    throw VpnnsException.Invalid("not implemented yet", Path.GetFileName(Environment.GetCommandLineArgs()[0])));
