using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Sessions;

/// <summary>Messages between a connection's SessionActor, its frame reader and the DataTreeActor.</summary>
public static class SessionProtocol
{
    // frame reader → SessionActor
    public sealed record FourLetterWordReceived(string Word);
    public sealed record ConnectReceived(ConnectRequest Request);
    public sealed record RequestReceived(int Xid, int OpCode, IRequestRecord? Record, RequestProblem Problem, string? Detail, long Timestamp);
    public sealed record InputRejected(string Reason);
    public sealed record SocketClosed(string? Reason);

    // SessionActor → DataTreeActor
    public sealed record ConnectSession(SessionContext Session, ConnectRequest Request);
    public sealed record ClientRequest(SessionContext Session, int Xid, int OpCode, IRequestRecord? Record, RequestProblem Problem, long Timestamp);
    public sealed record ConnectionClosed(SessionContext Session);

    // DataTreeActor → SessionActor
    public sealed record ConnectAccepted(long SessionId, int TimeoutMs, byte[] Password);
    /// <summary>SendInvalid: answer 0/0/zero password then close (bad password, unknown session); otherwise close silently.</summary>
    public sealed record ConnectRejected(bool SendInvalid, string Reason);
    public sealed record ClientReply(int Xid, long Zxid, int Err, IResponseRecord? Body, long Timestamp, bool CloseAfter);
    public sealed record WatchEventFired(WatchedEvent Event);
    public sealed record CloseConnection(string Reason);
}

/// <summary>What was wrong with a request frame, if anything.</summary>
public enum RequestProblem
{
    None,
    Malformed,
    Unimplemented,
}
