using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's DataTree as a pure, single-threaded state machine: nodes reached from the root by walking path
/// segments (the root is "" and also "/"), the interned ACL table, ephemeral/container/TTL indexes, sessions, quotas and the two
/// watch tables. Writes arrive only as txns (<see cref="ProcessTxn"/>); watches fire synchronously.
/// </summary>
public sealed partial class DataTree
{
    internal const string RootPath = "";
    internal const string RootAlias = "/";
    internal const string ZookeeperPath = "/zookeeper";
    internal const string QuotaPath = "/zookeeper/quota";
    internal const string ConfigPath = "/zookeeper/config";

    private DataNode? _root;
    private int _nodeCount;
    private readonly AclCache _acls = new();
    private readonly Dictionary<long, HashSet<string>> _ephemerals = [];
    private readonly HashSet<string> _containers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ttls = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _sessions = [];
    private readonly WatchTable _dataWatches = new();
    private readonly WatchTable _childWatches = new();
    private readonly QuotaPathTrie _quotaTrie = new();
    private long _approximateDataSize;

    /// <summary>A fresh tree (PROTOCOL 12): "", /zookeeper, /zookeeper/quota, /zookeeper/config.</summary>
    public DataTree()
        : this(extendedTypesEnabled: false)
    {
    }

    /// <param name="extendedTypesEnabled">zookeeper.extendedTypesEnabled: whether 0xFF-high-byte owners mean TTL nodes.</param>
    public DataTree(bool extendedTypesEnabled)
        : this(extendedTypesEnabled, withSystemNodes: true)
    {
    }

    private DataTree(bool extendedTypesEnabled, bool withSystemNodes)
    {
        ExtendedTypesEnabled = extendedTypesEnabled;
        if (!withSystemNodes) return;

        // As the DataTree constructor: all stats zero, empty (not null) data, OPEN_ACL_UNSAFE ref −1.
        _root = new DataNode(RootPath, [], AclCache.OpenAclUnsafeRef);
        var zookeeper = new DataNode("zookeeper", [], AclCache.OpenAclUnsafeRef);
        _root.AddChild(zookeeper);
        zookeeper.AddChild(new DataNode("quota", [], AclCache.OpenAclUnsafeRef));

        // addConfigNode: READ_ACL_UNSAFE set through setACL(path, acl, -1), so aversion −1 and ACL ref 1.
        zookeeper.AddChild(new DataNode("config", [], _acls.Intern(Acl.ReadAclUnsafe)) { Aversion = -1 });
        _nodeCount = 5;   // "", "/", /zookeeper, /zookeeper/quota, /zookeeper/config
        AddDigest(RootPath, _root);
        AddDigest(ZookeeperPath, zookeeper);
        _approximateDataSize = ComputeApproximateDataSize();
    }

    /// <summary>zookeeper.extendedTypesEnabled as this tree interprets ephemeral owners.</summary>
    public bool ExtendedTypesEnabled { get; }

    /// <summary>Highest zxid applied (never decreases through <see cref="ProcessTxn"/>).</summary>
    public long LastProcessedZxid { get; set; }

    /// <summary>Entries of the node map, "" and "/" counted separately (srvr "Node count", a fresh tree is 5).</summary>
    public int NodeCount => _nodeCount;

    /// <summary>DataTree.cachedApproximateDataSize: path length + data length summed over the map (zk_approximate_data_size).</summary>
    public long ApproximateDataSize => _approximateDataSize;

    /// <summary>Number of distinct interned ACL lists.</summary>
    public int AclCacheSize => _acls.Count;

    public IReadOnlyDictionary<long, int> SessionsWithTimeouts => _sessions;

    /// <summary>Container node paths, for the container manager.</summary>
    public IReadOnlyCollection<string> Containers => [.. _containers];

    /// <summary>TTL node paths, for the container manager.</summary>
    public IReadOnlyCollection<string> Ttls => [.. _ttls];

    /// <summary>A client-visible Stat of a node, or null (no ACL check, no watch; for the server's own use).</summary>
    public Stat? StatOf(string path) => GetNode(path)?.ToStat(ExtendedTypesEnabled);

    internal DataNode? GetNode(string path) => GetNode(path.AsSpan());

    /// <summary>
    /// Walks the path from the root one segment at a time (no allocation): "" and "/" are the root, anything
    /// else must start with "/" and name an existing node at every step (so "/a/" or "/a//b" find nothing,
    /// as they were never keys of ZooKeeper's node map).
    /// </summary>
    internal DataNode? GetNode(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path is RootAlias) return _root;
        if (path[0] != '/' || _root is null) return null;
        var node = _root;
        var rest = path[1..];
        while (true)
        {
            var slash = rest.IndexOf('/');
            var child = node.Child(slash < 0 ? rest : rest[..slash]);
            if (child is null || slash < 0) return child;
            node = child;
            rest = rest[(slash + 1)..];
        }
    }

    internal IReadOnlyList<Acl> AclOf(DataNode node) => _acls.Resolve(node.AclRef);

    internal AclCache Acls => _acls;

    /// <summary>Every node with its path, "" and the "/" alias both listed, as ZooKeeper's node map (for tests).</summary>
    internal IReadOnlyList<KeyValuePair<string, DataNode>> NodeEntries
    {
        get
        {
            // A list, not an iterator: compiler iterators read Environment.CurrentManagedThreadId (see PurityTests).
            var entries = new List<KeyValuePair<string, DataNode>>();
            if (_root is null) return entries;
            entries.Add(new(RootAlias, _root));
            var stack = new Stack<KeyValuePair<string, DataNode>>();
            stack.Push(new(RootPath, _root));
            while (stack.TryPop(out var entry))
            {
                entries.Add(entry);
                if (entry.Value.Children is null) continue;
                foreach (var child in entry.Value.Children.Nodes) stack.Push(new(entry.Key + "/" + child.Name, child));
            }
            return entries;
        }
    }

    internal static string ParentOf(string path) => path[..path.LastIndexOf('/')];

    /// <summary>Child watches on the root are keyed "/" (the parent "" is written as "/").</summary>
    private static string WatchPathOf(string parent) => parent.Length == 0 ? RootAlias : parent;

    private static long NodeSize(string? path, byte[]? data) => (path?.Length ?? 0) + (data?.Length ?? 0);

    /// <summary>Path lengths follow from name lengths, so no path string is built; the "/" alias counts too.</summary>
    private long ComputeApproximateDataSize()
    {
        if (_root is null) return 0;
        long size = NodeSize(RootAlias, _root.Data);
        var stack = new Stack<(DataNode Node, int PathLength)>();
        stack.Push((_root, 0));
        while (stack.TryPop(out var entry))
        {
            size += entry.PathLength + (entry.Node.Data?.Length ?? 0);
            if (entry.Node.Children is null) continue;
            foreach (var child in entry.Node.Children.Nodes) stack.Push((child, entry.PathLength + 1 + child.Name.Length));
        }
        return size;
    }

    internal static DataTree CreateEmpty(bool extendedTypesEnabled) => new(extendedTypesEnabled, withSystemNodes: false);
}
