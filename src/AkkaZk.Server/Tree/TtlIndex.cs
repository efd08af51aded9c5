using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Tree;

/// <summary>
/// The TTL of each TTL node, learnt from the createTTL txns applied by this server (on their own or in a multi).
/// The tree keeps the TTL in the node's ephemeral owner but shows it to nobody, so until it does, a TTL node that
/// was recovered from disk has no known TTL here and is not expired.
/// </summary>
public sealed class TtlIndex
{
    private readonly Dictionary<string, long> _ttls = new(StringComparer.Ordinal);

    public int Count => _ttls.Count;

    public long? TtlOf(string path) => _ttls.TryGetValue(path, out var ttl) ? ttl : null;

    public void Observe(Txn txn, ProcessTxnResult result)
    {
        switch (txn.Body)
        {
            case CreateTtlTxn create when result.Err == ErrorCode.Ok:
                _ttls[create.Path] = create.Ttl;
                break;
            case MultiTxn multi when result.MultiResults is { } results:
                for (var i = 0; i < multi.Txns.Count && i < results.Count; i++)
                {
                    if (multi.Txns[i].Body is CreateTtlTxn sub && results[i].Err == ErrorCode.Ok) _ttls[sub.Path] = sub.Ttl;
                }
                break;
        }
    }

    /// <summary>Forgets paths that are no longer TTL nodes.</summary>
    public void RetainOnly(IReadOnlyCollection<string> ttlPaths)
    {
        if (_ttls.Count == 0) return;
        var live = ttlPaths as ISet<string> ?? new HashSet<string>(ttlPaths, StringComparer.Ordinal);
        foreach (var path in _ttls.Keys.Where(p => !live.Contains(p)).ToList()) _ttls.Remove(path);
    }
}
