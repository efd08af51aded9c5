using AkkaZk.Jute;

namespace AkkaZk.Persistence.Tests;

using DataTree = AkkaZk.DataTree.DataTree;
using SnapshotSerializer = AkkaZk.DataTree.SnapshotSerializer;

/// <summary>
/// A tree's snapshot bytes with sessions, ACL entries and nodes sorted. The serializer writes them in hash order,
/// which depends on a tree's insert/delete history, so two equal trees can serialise in different orders.
/// </summary>
internal static class CanonicalSnapshot
{
    private const int StatLength = 4 * 8 + 3 * 4 + 2 * 8;

    public static byte[] Of(DataTree tree)
    {
        var raw = new MemoryStream();
        SnapshotSerializer.Serialize(tree, raw);
        var bytes = raw.ToArray();
        var reader = new JuteReader(bytes, int.MaxValue);
        var writer = new JuteWriter();

        var sessions = new SortedDictionary<long, int>();
        for (var n = reader.ReadInt(); n > 0; n--) sessions.Add(reader.ReadLong(), reader.ReadInt());
        writer.WriteInt(sessions.Count);
        foreach (var (id, timeout) in sessions)
        {
            writer.WriteLong(id);
            writer.WriteInt(timeout);
        }

        var acls = new SortedDictionary<long, List<Acl>?>();
        for (var n = reader.ReadInt(); n > 0; n--) acls.Add(reader.ReadLong(), Acl.ReadList(ref reader));
        writer.WriteInt(acls.Count);
        foreach (var (aclRef, acl) in acls)
        {
            writer.WriteLong(aclRef);
            Acl.WriteList(writer, acl);
        }

        var nodes = new SortedDictionary<string, (byte[]? Data, long AclRef, byte[] Stat)>(StringComparer.Ordinal);
        for (var path = reader.ReadString()!; path != "/"; path = reader.ReadString()!)
        {
            var data = reader.ReadBuffer();
            var aclRef = reader.ReadLong();
            var stat = bytes.AsSpan(reader.Position, StatLength).ToArray();
            for (var i = 0; i < StatLength / 4; i++) reader.ReadInt();
            nodes.Add(path, (data, aclRef, stat));
        }
        Assert.True(reader.AtEnd);
        foreach (var (path, node) in nodes)
        {
            writer.WriteString(path);
            writer.WriteBuffer(node.Data);
            writer.WriteLong(node.AclRef);
            writer.WriteRaw(node.Stat);
        }
        writer.WriteString("/");
        return writer.ToArray();
    }
}
