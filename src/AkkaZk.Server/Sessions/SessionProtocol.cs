using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Sessions;

/// <summary>Messages between a connection's SessionActor, its frame reader and the DataTreeActor.</summary>
public static class SessionProtocol
{
    // frame reader → SessionActor
    /// <summary>Argument: the mask that follows stmk (8 bytes); null for every other word.</summary>
    public sealed record FourLetterWordReceived(string Word, long? Argument);
    /// <summary>Bytes: the frame's size with its length prefix (ZooKeeper's bytes_received_count).</summary>
    public sealed record ConnectReceived(ConnectRequest Request, int Bytes);
    public sealed record RequestReceived(int Xid, int OpCode, IRequestRecord? Record, RequestProblem Problem, string? Detail, long Timestamp, int Bytes);
    public sealed record InputRejected(string Reason);
    public sealed record SocketClosed(string? Reason);

    // SessionActor → DataTreeActor
    public sealed record ConnectSession(SessionContext Session, ConnectRequest Request);
    public sealed record ClientRequest(SessionContext Session, int Xid, int OpCode, IRequestRecord? Record, RequestProblem Problem, long Timestamp);
    public sealed record ConnectionClosed(SessionContext Session);

    // DataTreeActor → SessionActor
    /// <summary>NewSession: a createSession txn was applied (cons then shows lop=SESS); Zxid: the tree's last zxid.</summary>
    public sealed record ConnectAccepted(long SessionId, int TimeoutMs, byte[] Password, bool NewSession, long Zxid, bool ReadOnly = false);
    /// <summary>SendInvalid: answer 0/0/zero password then close (bad password, unknown session); otherwise close silently.</summary>
    public sealed record ConnectRejected(bool SendInvalid, string Reason);
    public sealed record ClientReply(int Xid, int OpCode, long Zxid, int Err, IResponseRecord? Body, long Timestamp, bool CloseAfter);
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
