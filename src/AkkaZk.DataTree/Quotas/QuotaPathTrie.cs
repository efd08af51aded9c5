namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's PathTrie of paths that carry a quota. Components are the non-blank parts between '/'.
/// Deleting a path drops its whole sub-trie, as PathTrie.deletePath does.
/// </summary>
internal sealed class QuotaPathTrie
{
    private readonly TrieNode _root = new(null, string.Empty);

    public void Add(string path)
    {
        var node = _root;
        foreach (var part in Split(path))
        {
            if (!node.Children.TryGetValue(part, out var child))
            {
                child = new TrieNode(node, part);
                node.Children.Add(part, child);
            }
            node = child;
        }
        node.HasQuota = true;
    }

    public void Delete(string path)
    {
        var node = _root;
        foreach (var part in Split(path))
        {
            if (!node.Children.TryGetValue(part, out var child)) return;
            node = child;
        }
        node.Parent?.Children.Remove(node.Name);
    }

    /// <summary>findMaxPrefix: the deepest quota path that is a prefix of <paramref name="path"/>, or "/".</summary>
    public string FindMaxPrefix(string path)
    {
        // Most trees have no quota at all: answer without splitting the path (this runs on every write).
        if (_root.Children.Count == 0) return "/";
        var node = _root;
        TrieNode? deepest = null;
        foreach (var part in Split(path))
        {
            if (!node.Children.TryGetValue(part, out var child)) break;
            node = child;
            if (node.HasQuota) deepest = node;
        }
        if (deepest is null) return "/";
        var parts = new Stack<string>();
        for (var n = deepest; n != _root && n is not null; n = n.Parent) parts.Push(n.Name);
        return "/" + string.Join('/', parts);
    }

    public void Clear() => _root.Children.Clear();

    private static IEnumerable<string> Split(string path) =>
        path.Split('/').Where(part => part.Any(c => c > ' '));   // Java: !t.trim().isEmpty()

    private sealed class TrieNode(TrieNode? parent, string name)
    {
        public TrieNode? Parent { get; } = parent;
        public string Name { get; } = name;
        public Dictionary<string, TrieNode> Children { get; } = new(StringComparer.Ordinal);
        public bool HasQuota { get; set; }
    }
}
