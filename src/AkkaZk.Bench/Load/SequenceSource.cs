using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Load;

/// <summary>A finite source: ops make(0) … make(count − 1), built lazily.</summary>
public sealed class SequenceSource(long count, Func<long, Op> make) : IOpSource
{
    private long _next;

    public long Issued => _next;

    public bool TryNext(out Op op)
    {
        if (_next >= count)
        {
            op = default;
            return false;
        }
        op = make(_next++);
        return true;
    }

    public static SequenceSource Of(IReadOnlyList<Op> ops) => new(ops.Count, i => ops[(int)i]);
}
