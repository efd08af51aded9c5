namespace AkkaZk.Server.Stats;

/// <summary>
/// Last/min/max of a size, as ZooKeeper's BufferStats (mntr zk_last/min/max_client_response_size): all −1 until
/// the first sample.
/// </summary>
public sealed class BufferStats
{
    private const int InitValue = -1;
    private readonly Lock _gate = new();
    private int _last = InitValue;
    private int _min = InitValue;
    private int _max = InitValue;

    public (int Last, int Min, int Max) Read()
    {
        lock (_gate) return (_last, _min, _max);
    }

    public void Record(int size)
    {
        lock (_gate)
        {
            _last = size;
            if (_min == InitValue || size < _min) _min = size;
            if (size > _max) _max = size;
        }
    }

    public void Reset()
    {
        lock (_gate) _last = _min = _max = InitValue;
    }
}
