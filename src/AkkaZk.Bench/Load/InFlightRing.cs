namespace AkkaZk.Bench.Load;

/// <summary>
/// The requests of one connection in send order. ZooKeeper answers a session's requests in order, so the oldest
/// entry always belongs to the next reply. Single-threaded (the closed-loop driver holds its lock).
/// </summary>
public sealed class InFlightRing(int capacity)
{
    private readonly InFlight[] _items = new InFlight[Math.Max(1, capacity)];
    private int _head;

    public int Count { get; private set; }
    public int Capacity => _items.Length;

    public void Enqueue(InFlight item)
    {
        if (Count == _items.Length) throw new InvalidOperationException("more requests in flight than the ring holds");
        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    public bool TryDequeue(out InFlight item)
    {
        if (Count == 0)
        {
            item = default;
            return false;
        }
        item = _items[_head];
        _head = (_head + 1) % _items.Length;
        Count--;
        return true;
    }
}
