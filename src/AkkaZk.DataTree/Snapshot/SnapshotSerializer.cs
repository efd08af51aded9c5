using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// The snapshot body of QUORUM 11.1 (SerializeUtils.serializeSnapshot + DataTree.serialize): sessions, the ACL
/// cache, nodes in DFS pre-order from the root "" with StatPersisted, then the end marker "/". The caller adds
/// any file header, checksums, digest or the "BenWasHere" signature; lastProcessedZxid travels outside the stream.
/// </summary>
public static class SnapshotSerializer
{
    private const int FlushThreshold = 64 * 1024;

    public static void Serialize(DataTree tree, Stream output)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new JuteWriter(FlushThreshold * 2);

        writer.WriteInt(tree.SessionsWithTimeouts.Count);
        foreach (var (sessionId, timeout) in tree.SessionsWithTimeouts)
        {
            writer.WriteLong(sessionId);
            writer.WriteInt(timeout);
        }

        var acls = tree.Acls.Entries().ToList();
        writer.WriteInt(acls.Count);
        foreach (var (aclRef, acl) in acls)
        {
            writer.WriteLong(aclRef);
            Acl.WriteList(writer, acl);
        }
        FlushIfFull(writer, output, force: false);

        // DFS pre-order with an explicit stack so deep trees cannot overflow the call stack.
        var stack = new Stack<(string Path, DataNode Node)>();
        if (tree.GetNode(DataTree.RootPath) is { } root) stack.Push((DataTree.RootPath, root));
        var children = new List<DataNode>();
        while (stack.TryPop(out var entry))
        {
            var (path, node) = entry;
            writer.WriteString(path);
            WriteNode(writer, node);
            FlushIfFull(writer, output, force: false);
            if (node.Children is null) continue;
            children.Clear();
            children.AddRange(node.Children.Nodes);
            for (var i = children.Count - 1; i >= 0; i--) stack.Push((path + "/" + children[i].Name, children[i]));
        }
        writer.WriteString("/");
        FlushIfFull(writer, output, force: true);
    }

    /// <summary>Rebuilds a tree (ephemerals, containers, TTLs from the owners; ACL use counts; quotas) or throws InvalidDataException.</summary>
    public static DataTree Deserialize(Stream input, long lastProcessedZxid) =>
        Deserialize(input, lastProcessedZxid, extendedTypesEnabled: false);

    public static DataTree Deserialize(Stream input, long lastProcessedZxid, bool extendedTypesEnabled)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new SnapshotReader(input);
        var tree = DataTree.CreateEmpty(extendedTypesEnabled);

        var sessions = reader.ReadCount("session");
        for (var i = 0; i < sessions; i++)
        {
            var sessionId = reader.ReadLong();
            tree.LoadSession(sessionId, reader.ReadInt());
        }

        var aclEntries = reader.ReadCount("ACL map");
        for (var i = 0; i < aclEntries; i++)
        {
            var aclRef = reader.ReadLong();
            var count = reader.ReadInt();
            if (count < 0) throw new InvalidDataException("Missing acls in the ACL cache");
            var acl = new List<Acl>(Math.Min(count, 1024));
            for (var j = 0; j < count; j++)
            {
                var perms = reader.ReadInt();
                var scheme = reader.ReadString() ?? string.Empty;
                acl.Add(new Acl(perms, new Id(scheme, reader.ReadString() ?? string.Empty)));
            }
            tree.LoadAcl(ToAclRef(aclRef), acl);
        }

        // Paths are decoded into the reader's reused buffer: only each node's last segment becomes a string.
        if (!reader.TryReadChars(out var path)) throw new InvalidDataException("Null node path");
        while (path is not "/")
        {
            var data = reader.ReadBuffer();
            var aclRef = ToAclRef(reader.ReadLong());
            var node = new DataNode(string.Empty, data, aclRef)
            {
                Czxid = reader.ReadLong(),
                Mzxid = reader.ReadLong(),
                Ctime = reader.ReadLong(),
                Mtime = reader.ReadLong(),
                Version = reader.ReadInt(),
                Cversion = reader.ReadInt(),
                Aversion = reader.ReadInt(),
                EphemeralOwner = reader.ReadLong(),
                Pzxid = reader.ReadLong(),
            };
            tree.LoadNode(path, node);
            if (!reader.TryReadChars(out path)) throw new InvalidDataException("Null node path");
        }

        tree.FinishLoad();
        tree.LastProcessedZxid = lastProcessedZxid;
        return tree;
    }

    private static void WriteNode(JuteWriter writer, DataNode node)
    {
        writer.WriteBuffer(node.Data);
        writer.WriteLong(node.AclRef);
        writer.WriteLong(node.Czxid);
        writer.WriteLong(node.Mzxid);
        writer.WriteLong(node.Ctime);
        writer.WriteLong(node.Mtime);
        writer.WriteInt(node.Version);
        writer.WriteInt(node.Cversion);
        writer.WriteInt(node.Aversion);
        writer.WriteLong(node.EphemeralOwner);
        writer.WriteLong(node.Pzxid);
    }

    private static void FlushIfFull(JuteWriter writer, Stream output, bool force)
    {
        if (!force && writer.Length < FlushThreshold) return;
        output.Write(writer.WrittenSpan);
        writer.Reset();
    }

    /// <summary>ACL refs are a counter from 1 (or −1); anything outside int range is not a ZooKeeper snapshot.</summary>
    private static int ToAclRef(long aclRef) =>
        aclRef is >= int.MinValue and <= int.MaxValue ? (int)aclRef : throw new InvalidDataException($"ACL ref {aclRef} out of range");
}
