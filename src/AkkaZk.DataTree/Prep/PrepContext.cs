using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// What Prep needs from the request and the server: the session, cxid, the zxid and wall-clock time the
/// leader assigns to the txn header, and the connection's auth ids.
/// </summary>
public sealed record PrepContext(long SessionId, int Cxid, long Zxid, long Time, IReadOnlyList<Id> AuthIds);
