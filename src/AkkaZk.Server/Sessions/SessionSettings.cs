namespace AkkaZk.Server.Sessions;

/// <summary>What a connection needs to know: frame limit, handshake deadline and auth configuration.</summary>
public sealed record SessionSettings(int MaxFrameLength, TimeSpan SessionlessTimeout, string? SuperDigest);
