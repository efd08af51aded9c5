using AkkaZk.Jute;

namespace AkkaZk.Client;

/// <summary>A server reply: header (xid, zxid, err) and, when err is 0, the response record.</summary>
public sealed record ZkReply(ReplyHeader Header, IResponseRecord? Body)
{
    public ErrorCode Err => (ErrorCode)Header.Err;
    public T As<T>() where T : IResponseRecord => Body is T t ? t : throw new InvalidOperationException($"reply err {Err}, body {Body?.GetType().Name ?? "none"}");
}
