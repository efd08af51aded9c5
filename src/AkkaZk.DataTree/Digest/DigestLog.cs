namespace AkkaZk.DataTree;

/// <summary>
/// DataTree's digestLog: the tree digest at every zxid that is a multiple of 128 (0x80, easy to spot in hex),
/// the newest 1024 kept, oldest first. This is what the hash four-letter word prints.
/// </summary>
internal sealed class DigestLog
{
    /// <summary>DataTree.DIGEST_LOG_INTERVAL.</summary>
    public const int Interval = 128;

    /// <summary>DataTree.DIGEST_LOG_LIMIT.</summary>
    public const int Limit = 1024;

    private readonly Queue<ZxidDigest> _entries = new();

    public void Record(ZxidDigest digest)
    {
        if (digest.Zxid % Interval != 0) return;
        _entries.Enqueue(digest);
        if (_entries.Count > Limit) _entries.Dequeue();
    }

    public IReadOnlyList<ZxidDigest> ToList() => [.. _entries];
}
