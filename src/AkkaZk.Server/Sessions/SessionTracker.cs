namespace AkkaZk.Server.Sessions;

/// <summary>
/// Session liveness as ZooKeeper's SessionTrackerImpl/ExpiryQueue: a session's deadline is
/// roundUp(now + timeout) to the next tick, refreshed by every request; a tick expires the due buckets.
/// Pure: time is passed in (monotonic milliseconds).
/// </summary>
public sealed class SessionTracker(int tickMs)
{
    private readonly Dictionary<long, TrackedSession> _sessions = new();
    private readonly SortedDictionary<long, HashSet<long>> _buckets = new();

    public int Count => _sessions.Count;
    public IEnumerable<TrackedSession> Sessions => _sessions.Values;
    public IReadOnlyDictionary<long, HashSet<long>> Buckets => _buckets;

    public bool TryGet(long sessionId, out TrackedSession session) => _sessions.TryGetValue(sessionId, out session!);

    public bool IsLive(long sessionId) => _sessions.TryGetValue(sessionId, out var s) && !s.Closing;

    public TrackedSession Add(long sessionId, int timeoutMs, long now)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            session = new TrackedSession(sessionId, timeoutMs);
            _sessions.Add(sessionId, session);
        }
        session.TimeoutMs = timeoutMs;
        Touch(session, now);
        return session;
    }

    /// <summary>Refreshes the deadline; false when the session is unknown or closing.</summary>
    public bool Touch(long sessionId, long now)
    {
        if (!_sessions.TryGetValue(sessionId, out var session) || session.Closing) return false;
        Touch(session, now);
        return true;
    }

    public void SetTimeout(long sessionId, int timeoutMs, long now)
    {
        if (!_sessions.TryGetValue(sessionId, out var session)) return;
        session.TimeoutMs = timeoutMs;
        Touch(session, now);
    }

    /// <summary>Marks a session closing so no further request touches it; its close txn is on the way.</summary>
    public void SetClosing(long sessionId)
    {
        if (_sessions.TryGetValue(sessionId, out var session)) session.Closing = true;
    }

    public void Remove(long sessionId)
    {
        if (!_sessions.Remove(sessionId, out var session)) return;
        RemoveFromBucket(session);
    }

    /// <summary>Sessions whose deadline is at or before now; they are marked closing and left for the caller to close.</summary>
    public List<long> ExpireDue(long now)
    {
        var expired = new List<long>();
        while (_buckets.Count > 0)
        {
            var first = _buckets.First();
            if (first.Key > now) break;
            _buckets.Remove(first.Key);
            foreach (var id in first.Value)
            {
                if (!_sessions.TryGetValue(id, out var session)) continue;
                session.Deadline = 0;
                if (session.Closing) continue;
                session.Closing = true;
                expired.Add(id);
            }
        }
        return expired;
    }

    private void Touch(TrackedSession session, long now)
    {
        var deadline = RoundToNextTick(now + session.TimeoutMs);
        if (deadline == session.Deadline) return;
        RemoveFromBucket(session);
        session.Deadline = deadline;
        if (!_buckets.TryGetValue(deadline, out var bucket))
        {
            bucket = new HashSet<long>();
            _buckets.Add(deadline, bucket);
        }
        bucket.Add(session.SessionId);
    }

    private void RemoveFromBucket(TrackedSession session)
    {
        if (session.Deadline == 0 || !_buckets.TryGetValue(session.Deadline, out var bucket)) return;
        bucket.Remove(session.SessionId);
        if (bucket.Count == 0) _buckets.Remove(session.Deadline);
    }

    private long RoundToNextTick(long time) => (time / tickMs + 1) * tickMs;
}
