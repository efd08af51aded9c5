using AkkaZk.Jute;

namespace AkkaZk.Client;

/// <summary>A request answered with a non-zero error code.</summary>
public sealed class KeeperException(ErrorCode code) : Exception($"KeeperErrorCode = {code}")
{
    public ErrorCode Code { get; } = code;
}
