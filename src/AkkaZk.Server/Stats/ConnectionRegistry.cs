using System.Collections.Concurrent;

namespace AkkaZk.Server.Stats;

/// <summary>The live client connections, for stat/cons and per-IP limits shown to operators.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<long, ConnectionInfo> _connections = new();
    private long _nextId;

    public int Count => _connections.Count;
    public IEnumerable<ConnectionInfo> All => _connections.Values.OrderBy(c => c.ConnectionId);

    public long NextConnectionId() => Interlocked.Increment(ref _nextId);

    public void Add(ConnectionInfo info) => _connections[info.ConnectionId] = info;

    public void Remove(long connectionId) => _connections.TryRemove(connectionId, out _);

    public int CountFrom(string address) => _connections.Values.Count(c => c.RemoteAddress == address);
}
