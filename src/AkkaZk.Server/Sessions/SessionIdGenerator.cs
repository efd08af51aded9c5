namespace AkkaZk.Server.Sessions;

/// <summary>
/// ZooKeeper's session id layout: ((millis &lt;&lt; 24) &gt;&gt;&gt; 8) | (serverId &lt;&lt; 56), then +1 per session.
/// Standalone uses server id 1, as ZooKeeper does. Wall-clock millis (rather than ZooKeeper's monotonic clock)
/// make ids issued after a restart unlikely to collide with recovered sessions; known ids are skipped anyway.
/// </summary>
public sealed class SessionIdGenerator
{
    private long _next;

    public SessionIdGenerator(long serverId, long nowMillis)
    {
        var id = (long)((ulong)(nowMillis << 24) >> 8) | (serverId << 56);
        if (id == long.MinValue) id++;
        _next = id;
    }

    public long Next(Func<long, bool> inUse)
    {
        var id = _next++;
        while (id == 0 || inUse(id)) id = _next++;
        return id;
    }
}
