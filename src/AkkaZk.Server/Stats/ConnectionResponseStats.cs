namespace AkkaZk.Server.Stats;

/// <summary>
/// A connection's last response and latencies, as ZooKeeper's ServerCnxn.updateStatsForResponse keeps them for cons:
/// last cxid (only ids ≥ 0, so pings keep the previous one), last zxid, last op, last response time (monotonic ms)
/// and latency min/avg/max (avg is a truncated long). Written by the connection's actor, read by four-letter words.
/// </summary>
public sealed class ConnectionResponseStats
{
    private readonly Lock _gate = new();
    private string _lastOperation = "NA";
    private long _lastCxid = -1;
    private long _lastZxid = -1;
    private long _lastResponseTime;
    private long _lastLatency;
    private long _minLatency = long.MaxValue;
    private long _maxLatency;
    private long _count;
    private long _totalLatency;

    public void Record(long cxid, long zxid, string operation, long start, long end)
    {
        lock (_gate)
        {
            if (cxid >= 0) _lastCxid = cxid;
            _lastZxid = zxid;
            _lastOperation = operation;
            _lastResponseTime = end;
            var elapsed = end - start;
            _lastLatency = elapsed;
            if (elapsed < _minLatency) _minLatency = elapsed;
            if (elapsed > _maxLatency) _maxLatency = elapsed;
            _count++;
            _totalLatency += elapsed;
        }
    }

    /// <summary>ServerCnxn.resetStats (crst).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _lastOperation = "NA";
            _lastCxid = -1;
            _lastZxid = -1;
            _lastResponseTime = 0;
            _lastLatency = 0;
            _minLatency = long.MaxValue;
            _maxLatency = 0;
            _count = 0;
            _totalLatency = 0;
        }
    }

    public ResponseStatsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ResponseStatsSnapshot(_lastOperation, _lastCxid, _lastZxid, _lastResponseTime, _lastLatency,
                _minLatency == long.MaxValue ? 0 : _minLatency, _count == 0 ? 0 : _totalLatency / _count, _maxLatency);
        }
    }
}

/// <summary>The cons fields from lop to maxlat.</summary>
public readonly record struct ResponseStatsSnapshot(string LastOperation, long LastCxid, long LastZxid, long LastResponseTime,
    long LastLatency, long MinLatency, long AvgLatency, long MaxLatency);
