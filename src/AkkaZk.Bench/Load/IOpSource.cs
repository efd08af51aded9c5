using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Load;

/// <summary>The requests one connection sends, one at a time; false when there are no more (a finite phase).</summary>
public interface IOpSource
{
    bool TryNext(out Op op);
}
