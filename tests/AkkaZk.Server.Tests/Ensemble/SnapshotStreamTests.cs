using AkkaZk.Jute;
using AkkaZk.Server.Ensemble.Quorum;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>The unframed snapshot after SNAP: measured only once complete, refused when malformed.</summary>
public sealed class SnapshotStreamTests
{
    [Fact]
    public void A_snapshot_is_measured_only_once_all_of_it_has_arrived()
    {
        var body = SnapshotBody(new ZkTree());
        var writer = new JuteWriter();
        SnapshotStream.Write(writer, body);
        var stream = writer.ToArray();
        for (var length = 0; length < stream.Length; length++)
            Assert.False(SnapshotStream.TryMeasure(stream.AsSpan(0, length), 1024, out _, out _));
        var withNextPacket = stream.Concat(new byte[] { 1, 2, 3 }).ToArray();
        Assert.True(SnapshotStream.TryMeasure(withNextPacket, 1024, out var bodyLength, out var total));
        Assert.Equal((body.Length, stream.Length), (bodyLength, total));
    }

    [Fact]
    public void A_snapshot_without_the_signature_or_with_an_oversized_field_is_refused()
    {
        var body = SnapshotBody(new ZkTree());
        var writer = new JuteWriter();
        writer.WriteRaw(body);
        writer.WriteString("NotBenHere");
        Assert.Throws<JuteException>(() => SnapshotStream.TryMeasure(writer.ToArray(), 1024, out _, out _));
        var huge = new JuteWriter();
        huge.WriteInt(0); // sessions
        huge.WriteInt(0); // ACL entries
        huge.WriteInt(5000); // a path longer than the bound
        Assert.Throws<JuteException>(() => SnapshotStream.TryMeasure(huge.ToArray(), 1024, out _, out _));
    }

    private static byte[] SnapshotBody(ZkTree tree)
    {
        using var output = new MemoryStream();
        AkkaZk.DataTree.SnapshotSerializer.Serialize(tree, output);
        return output.ToArray();
    }
}
