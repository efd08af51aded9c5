namespace AkkaZk.Jute;

/// <summary>
/// A request type the server does not implement (including 0 and a top-level check 13). ZooKeeper answers
/// (xid, −1, Unimplemented) and closes the connection, unlike a malformed body (JuteException → MarshallingError).
/// </summary>
public sealed class UnknownOpCodeException(int opCode) : Exception($"Unknown or invalid request type {opCode}")
{
    public int OpCode { get; } = opCode;
}
