namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    public int EphemeralCount
    {
        get
        {
            var count = 0;
            foreach (var paths in _ephemerals.Values) count += paths.Count;
            return count;
        }
    }

    /// <summary>A copy of the session's ephemeral paths (empty if none), as DataTree.getEphemerals.</summary>
    public IReadOnlyCollection<string> GetEphemerals(long sessionId) =>
        _ephemerals.TryGetValue(sessionId, out var paths) ? [.. paths] : [];

    /// <summary>
    /// A copy of the ephemerals map for the 'dump' 4lw. As ZooKeeper, a session that deleted all its
    /// ephemerals keeps an empty entry until it closes.
    /// </summary>
    public IReadOnlyDictionary<long, IReadOnlyCollection<string>> EphemeralsBySession =>
        _ephemerals.ToDictionary(e => e.Key, e => (IReadOnlyCollection<string>)[.. e.Value]);

    /// <summary>
    /// getEphemerals(103): all of the session's ephemerals when the prefix is null, blank or "/" (after a Java
    /// trim), otherwise those starting with the untrimmed prefix.
    /// </summary>
    public IReadOnlyList<string> GetEphemerals(long sessionId, string? prefix)
    {
        if (!_ephemerals.TryGetValue(sessionId, out var paths)) return [];
        var trimmed = prefix is null ? null : JavaTrim(prefix);
        if (string.IsNullOrEmpty(trimmed) || trimmed == "/") return [.. paths];
        return [.. paths.Where(p => p.StartsWith(prefix!, StringComparison.Ordinal))];
    }

    private void CreateSession(long sessionId, int timeout) => _sessions[sessionId] = timeout;

    /// <summary>
    /// DataTree.killSession: delete the paths named in the txn, then any the tree still lists for the
    /// session; missing nodes are ignored. The session leaves the session map.
    /// </summary>
    private void CloseSession(long sessionId, IReadOnlyList<string>? pathsInTxn, long zxid)
    {
        _sessions.Remove(sessionId);
        _ephemerals.Remove(sessionId, out var local);
        if (pathsInTxn is not null)
        {
            foreach (var path in pathsInTxn) DeleteNode(path, zxid);
        }
        if (local is null) return;
        if (pathsInTxn is not null) local.ExceptWith(pathsInTxn);
        foreach (var path in local) DeleteNode(path, zxid);
    }

    /// <summary>java.lang.String.trim: strips chars ≤ U+0020 at both ends.</summary>
    private static string JavaTrim(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && text[start] <= ' ') start++;
        while (end > start && text[end - 1] <= ' ') end--;
        return text[start..end];
    }
}
