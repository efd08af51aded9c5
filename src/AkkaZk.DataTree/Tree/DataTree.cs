using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's DataTree as a pure, single-threaded state machine: nodes keyed by full path (the root under ""
/// and aliased as "/"), the interned ACL table, ephemeral/container/TTL indexes, sessions, quotas and the two
/// watch tables. Writes arrive only as txns (<see cref="ProcessTxn"/>); watches fire synchronously.
/// </summary>
public sealed partial class DataTree
{
    internal const string RootPath = "";
    internal const string RootAlias = "/";
    internal const string ZookeeperPath = "/zookeeper";
    internal const string QuotaPath = "/zookeeper/quota";
    internal const string ConfigPath = "/zookeeper/config";

    private readonly Dictionary<string, DataNode> _nodes = new(StringComparer.Ordinal);
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
        var root = new DataNode([], AclCache.OpenAclUnsafeRef);
        _nodes.Add(RootPath, root);
        _nodes.Add(RootAlias, root);
        root.AddChild("zookeeper");
        var zookeeper = new DataNode([], AclCache.OpenAclUnsafeRef);
        _nodes.Add(ZookeeperPath, zookeeper);
        zookeeper.AddChild("quota");
        _nodes.Add(QuotaPath, new DataNode([], AclCache.OpenAclUnsafeRef));

        // addConfigNode: READ_ACL_UNSAFE set through setACL(path, acl, -1), so aversion −1 and ACL ref 1.
        zookeeper.AddChild("config");
        _nodes.Add(ConfigPath, new DataNode([], _acls.Intern(Acl.ReadAclUnsafe)) { Aversion = -1 });
        _approximateDataSize = ComputeApproximateDataSize();
    }

    /// <summary>zookeeper.extendedTypesEnabled as this tree interprets ephemeral owners.</summary>
    public bool ExtendedTypesEnabled { get; }

    /// <summary>Highest zxid applied (never decreases through <see cref="ProcessTxn"/>).</summary>
    public long LastProcessedZxid { get; set; }

    /// <summary>Entries of the node map, "" and "/" counted separately (srvr "Node count", a fresh tree is 5).</summary>
    public int NodeCount => _nodes.Count;

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
    public Stat? StatOf(string path) => _nodes.TryGetValue(path, out var node) ? node.ToStat(ExtendedTypesEnabled) : null;

    internal DataNode? GetNode(string path) => _nodes.GetValueOrDefault(path);

    internal IReadOnlyList<Acl> AclOf(DataNode node) => _acls.Resolve(node.AclRef);

    internal AclCache Acls => _acls;

    internal IEnumerable<KeyValuePair<string, DataNode>> NodeEntries => _nodes;

    internal static string ParentOf(string path) => path[..path.LastIndexOf('/')];

    /// <summary>Child watches on the root are keyed "/" (the parent "" is written as "/").</summary>
    private static string WatchPathOf(string parent) => parent.Length == 0 ? RootAlias : parent;

    private static long NodeSize(string? path, byte[]? data) => (path?.Length ?? 0) + (data?.Length ?? 0);

    private long ComputeApproximateDataSize()
    {
        long size = 0;
        foreach (var (path, node) in _nodes) size += NodeSize(path, node.Data);
        return size;
    }

    internal static DataTree CreateEmpty(bool extendedTypesEnabled) => new(extendedTypesEnabled, withSystemNodes: false);
}
