using AkkaZk.Server.Sessions;

namespace AkkaZk.Server.Tree;

/// <summary>A learner's client request sent to the leader: who to answer when its txn (same session and cxid) commits.</summary>
public sealed record ForwardedWrite(PendingKind Kind, SessionContext Session, int Xid, int OpCode, long Timestamp, int TimeoutMs = 0);
