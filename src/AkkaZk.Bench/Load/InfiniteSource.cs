using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Load;

/// <summary>An endless source: each op comes from <paramref name="next"/>.</summary>
public sealed class InfiniteSource(Func<Op> next) : IOpSource
{
    public bool TryNext(out Op op)
    {
        op = next();
        return true;
    }
}
