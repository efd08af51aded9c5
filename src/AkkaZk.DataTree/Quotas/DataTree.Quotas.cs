using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    private const string LimitNode = "zookeeper_limits";
    private const string StatNode = "zookeeper_stats";

    /// <summary>getMaxPrefixWithQuota: the quota root covering the path, or null (none, or only "/").</summary>
    internal string? MaxPrefixWithQuota(string path)
    {
        var prefix = _quotaTrie.FindMaxPrefix(path);
        return prefix == RootAlias || prefix.Length == 0 ? null : prefix;
    }

    /// <summary>
    /// ZooKeeperServer.checkQuota with zookeeper.enforceQuota=true: only hard limits fail (QuotaExceeded);
    /// soft limits are only logged by ZooKeeper. Reads the applied tree, as ZooKeeper does.
    /// </summary>
    internal ErrorCode CheckQuota(string path, long bytesDiff, long countDiff)
    {
        var prefix = MaxPrefixWithQuota(path);
        if (prefix is null) return ErrorCode.Ok;
        var limitNode = GetNode(QuotaPath + prefix + "/" + LimitNode);
        if (limitNode is null) return ErrorCode.Ok;
        var limits = new StatsTrack(limitNode.Data);
        var checkCount = countDiff != 0 && (limits.Count > -1 || limits.CountHardLimit > -1);
        var checkBytes = bytesDiff != 0 && (limits.Bytes > -1 || limits.ByteHardLimit > -1);
        if (!checkCount && !checkBytes) return ErrorCode.Ok;

        var statNode = GetNode(QuotaPath + prefix + "/" + StatNode);
        if (statNode is null) return ErrorCode.Ok;
        var current = new StatsTrack(statNode.Data);
        if (checkCount && limits.CountHardLimit > -1 && current.Count + countDiff > limits.CountHardLimit)
            return ErrorCode.QuotaExceeded;
        if (checkBytes && limits.ByteHardLimit > -1 && current.Bytes + bytesDiff > limits.ByteHardLimit)
            return ErrorCode.QuotaExceeded;
        return ErrorCode.Ok;
    }

    /// <summary>createNode's quota hook: a new zookeeper_limits registers its path, a new zookeeper_stats is recomputed.</summary>
    private void OnQuotaNodeCreated(string parentName, string childName)
    {
        if (!parentName.StartsWith(QuotaPath, StringComparison.Ordinal)) return;
        var realPath = parentName[QuotaPath.Length..];
        if (childName == LimitNode && realPath.Length > 0) _quotaTrie.Add(realPath);
        if (childName == StatNode) RecomputeQuotaStats(realPath);
    }

    /// <summary>deleteNode's quota hook: deleting a zookeeper_limits unregisters the path (and any quota below it).</summary>
    private void OnQuotaNodeDeleted(string parentName, string childName)
    {
        if (childName != LimitNode || !parentName.StartsWith(ZookeeperPath, StringComparison.Ordinal)) return;
        if (parentName.Length <= QuotaPath.Length) return;   // ZooKeeper would fail on these odd paths
        _quotaTrie.Delete(parentName[QuotaPath.Length..]);
    }

    /// <summary>updateQuotaStat: the covering quota's zookeeper_stats data moves by the diff (no stat change).</summary>
    private void UpdateQuotaForChange(string path, long bytesDiff, int countDiff)
    {
        var prefix = MaxPrefixWithQuota(path);
        if (prefix is null) return;
        var statNode = GetNode(QuotaPath + prefix + "/" + StatNode);
        if (statNode is null) return;
        var stats = new StatsTrack(statNode.Data);
        stats.Count += countDiff;
        stats.Bytes += bytesDiff;
        statNode.Data = stats.ToBytes();
    }

    /// <summary>updateQuotaForPath: count the subtree (the node itself included) into its zookeeper_stats node.</summary>
    private void RecomputeQuotaStats(string path)
    {
        long count = 0, bytes = 0;
        CountSubtree(path);
        var statNode = GetNode(QuotaPath + path + "/" + StatNode);
        if (statNode is null) return;
        statNode.Data = new StatsTrack { Count = count, Bytes = bytes }.ToBytes();

        void CountSubtree(string nodePath)
        {
            var node = GetNode(nodePath);
            if (node is null) return;
            count++;
            bytes += node.Data?.Length ?? 0;
            if (node.Children is null) return;
            foreach (var child in node.Children.NamesArray()) CountSubtree(nodePath + "/" + child);
        }
    }

    /// <summary>setupQuota after a snapshot load: every leaf zookeeper_limits under /zookeeper/quota is registered and recounted.</summary>
    private void SetupQuotas()
    {
        _quotaTrie.Clear();
        if (GetNode(QuotaPath) is not null) Traverse(QuotaPath);

        void Traverse(string path)
        {
            var node = GetNode(path);
            if (node is null) return;
            if (node.Children is null)
            {
                const string suffix = "/" + LimitNode;
                if (!path.EndsWith(suffix, StringComparison.Ordinal)) return;
                var realPath = path[QuotaPath.Length..path.IndexOf(suffix, StringComparison.Ordinal)];
                RecomputeQuotaStats(realPath);
                if (realPath.Length > 0) _quotaTrie.Add(realPath);
                return;
            }
            foreach (var child in node.Children.NamesArray()) Traverse(path + "/" + child);
        }
    }
}
