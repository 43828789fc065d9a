using Vpnns;

return EntryPoint.Run("vpnnsctl", () => ExitCodes.Success);
