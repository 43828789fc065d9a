using Vpnns;

// The launcher arrives with its own issue; until then this binary refuses honestly.
return EntryPoint.Run("vpnns-exec", () =>
    throw VpnnsException.Invalid("not implemented yet", "vpnns-exec"), ExitCodes.LauncherFailure);
