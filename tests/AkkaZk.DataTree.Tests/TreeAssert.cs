using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>Compares two trees field by field: every node's stat, data and ACL, sessions, ephemerals and indexes.</summary>
internal static class TreeAssert
{
    public static void Equal(DataTree expected, DataTree actual)
    {
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.ApproximateDataSize, actual.ApproximateDataSize);
        Assert.Equal(expected.EphemeralCount, actual.EphemeralCount);
        Assert.Equal(Sorted(expected.SessionsWithTimeouts), Sorted(actual.SessionsWithTimeouts));
        Assert.Equal(Ephemerals(expected), Ephemerals(actual));
        Assert.Equal(expected.Containers.Order(StringComparer.Ordinal), actual.Containers.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Ttls.Order(StringComparer.Ordinal), actual.Ttls.Order(StringComparer.Ordinal));
        Assert.Equal(Nodes(expected), Nodes(actual));
        // Refs are local numbering (a restored tree continues after its largest ref); the lists must match.
        Assert.Equal(
            expected.Acls.Entries().Select(e => Text(e.Value)).Order(StringComparer.Ordinal),
            actual.Acls.Entries().Select(e => Text(e.Value)).Order(StringComparer.Ordinal));
    }

    private static List<string> Nodes(DataTree tree)
    {
        var lines = new List<string>();
        foreach (var (path, node) in tree.NodeEntries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Assert.Equal(ErrorCode.Ok, tree.GetData(path, null, [new Id("super", "")], out var data, out var stat));
            Assert.Equal(ErrorCode.Ok, tree.GetChildren(path, null, [new Id("super", "")], out var children, out _));
            lines.Add($"{path} {stat} data={(data is null ? "null" : Convert.ToHexString(data))} " +
                $"acl={Text(tree.AclOf(node))} owner={node.EphemeralOwner} cv={node.Cversion} " +
                $"children={string.Join(',', children.Order(StringComparer.Ordinal))}");
        }
        return lines;
    }

    private static string Text(IReadOnlyList<Acl> acl) => string.Join(';', acl.Select(a => $"{a.Perms}:{a.Id}"));

    private static List<string> Ephemerals(DataTree tree) =>
        [.. tree.EphemeralsBySession.Where(e => e.Value.Count > 0)
            .OrderBy(e => e.Key)
            .Select(e => $"{e.Key}:{string.Join(',', e.Value.Order(StringComparer.Ordinal))}")];

    private static List<KeyValuePair<long, int>> Sorted(IReadOnlyDictionary<long, int> sessions) => [.. sessions.OrderBy(s => s.Key)];
}
