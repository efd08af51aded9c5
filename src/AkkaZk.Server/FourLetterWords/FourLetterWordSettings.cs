namespace AkkaZk.Server.FourLetterWords;

/// <summary>The 4lw whitelist ("*" = all; srvr always allowed) and the configuration lines conf prints.</summary>
public sealed record FourLetterWordSettings(IReadOnlySet<string> Whitelist, IReadOnlyList<KeyValuePair<string, string>> ConfLines,
    string DataDir, string DataLogDir)
{
    public bool IsAllowed(string word) => word == "srvr" || Whitelist.Contains("*") || Whitelist.Contains(word);
}
