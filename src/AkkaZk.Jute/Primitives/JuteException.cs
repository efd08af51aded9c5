namespace AkkaZk.Jute;

/// <summary>Malformed jute input (ZooKeeper answers such a request with MarshallingError or drops the connection).</summary>
public sealed class JuteException(string message) : Exception(message);
