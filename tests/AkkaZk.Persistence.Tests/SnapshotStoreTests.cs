using System.Buffers.Binary;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Persistence.Tests;

public sealed class SnapshotStoreTests
{
    private static byte[] Payload(int seed, int length = 3000) =>
        Enumerable.Range(0, length).Select(i => (byte)(i * seed + seed)).ToArray();

    private static byte[] ReadPayload(Stream payload)
    {
        using (payload)
        {
            var copy = new MemoryStream();
            payload.CopyTo(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public void Saved_snapshot_has_zookeepers_frame_and_reads_back()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var payload = Payload(7);

        var info = store.Save(0x100000abc, payload);

        Assert.Equal(dir.File("snapshot.100000abc"), info.Path);
        var bytes = File.ReadAllBytes(info.Path);
        Assert.Equal(16 + payload.Length + 46, bytes.Length);
        Assert.Equal(bytes.Length, info.Size);
        Assert.Equal(0x5A4B534E, BinaryPrimitives.ReadInt32BigEndian(bytes));        // "ZKSN"
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        Assert.Equal(-1L, BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8)));
        var seal1 = 16 + payload.Length;
        Assert.Equal(Adler32.Compute(bytes.AsSpan(0, seal1)), (uint)BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(seal1)));
        Assert.Equal(new byte[] { 0, 0, 0, 1, (byte)'/' }, bytes[(seal1 + 8)..(seal1 + 13)]);
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(seal1 + 13 + 8)));   // digest version
        var seal2 = bytes.Length - 13;
        Assert.Equal(Adler32.Compute(bytes.AsSpan(0, seal2)), (uint)BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(seal2)));

        Assert.True(store.TryOpenNewestValid(out var newest, out var stream));
        Assert.Equal(info, newest);
        Assert.Equal(payload, ReadPayload(stream));
    }

    [Fact]
    public void The_trailer_carries_the_trees_digest_after_its_last_txn()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var payload = Payload(5);

        var info = store.Save(0x100000080, payload, new AkkaZk.DataTree.ZxidDigest(0x100000080, 2, -1234567890123));

        var bytes = File.ReadAllBytes(info.Path);
        var digestAt = 16 + payload.Length + 13;   // ZxidDigest {long zxid, int version, long digest} after seal 1
        Assert.Equal(0x100000080, BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(digestAt)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(digestAt + 8)));
        Assert.Equal(-1234567890123, BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(digestAt + 12)));
        Assert.True(store.TryOpenNewestValid(out _, out var stream));
        Assert.Equal(payload, ReadPayload(stream));
    }

    [Fact]
    public void Streamed_payload_writer_may_dispose_the_stream()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var payload = Payload(3, 200_000);
        store.Save(5, output =>
        {
            using var writer = new BinaryWriter(output);
            writer.Write(payload);
        });
        Assert.True(store.TryOpenNewestValid(out _, out var stream));
        Assert.Equal(payload, ReadPayload(stream));
    }

    [Fact]
    public void A_digestless_zookeeper_snapshot_is_accepted()
    {
        using var dir = new TempDirectory();
        var payload = Payload(5);
        var file = new MemoryStream();
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x5A4B534E);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(8), -1);
        file.Write(header);
        file.Write(payload);
        var seal = new byte[13];
        BinaryPrimitives.WriteInt64BigEndian(seal, Adler32.Compute(file.ToArray()));
        seal[11] = 1;
        seal[12] = (byte)'/';
        file.Write(seal);
        File.WriteAllBytes(dir.File("snapshot.9"), file.ToArray());

        Assert.True(new SnapshotStore(dir.Path).TryOpenNewestValid(out var info, out var stream));
        Assert.Equal(9, info.Zxid);
        Assert.Equal(payload, ReadPayload(stream));
    }

    [Fact]
    public void List_is_newest_first_and_ignores_other_files()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(0x2, Payload(1));
        store.Save(0x10, Payload(2));
        store.Save(0x9, Payload(3));
        File.WriteAllBytes(dir.File("snapshot.20.tmp"), Payload(4));
        File.WriteAllBytes(dir.File("snapshot.xyz"), Payload(4));
        File.WriteAllBytes(dir.File("log.30"), Payload(4));

        Assert.Equal(new long[] { 0x10, 0x9, 0x2 }, store.List().Select(s => s.Zxid));
    }

    [Fact]
    public void A_corrupt_newest_snapshot_falls_back_to_the_older_one()
    {
        using var dir = new TempDirectory();
        var logger = new ListLogger();
        var store = new SnapshotStore(dir.Path, logger);
        store.Save(0x100, Payload(1));
        var newest = store.Save(0x200, Payload(2));
        var bytes = File.ReadAllBytes(newest.Path);
        bytes[500] ^= 0xFF;
        File.WriteAllBytes(newest.Path, bytes);

        Assert.True(store.TryOpenNewestValid(out var info, out var stream));
        Assert.Equal(0x100, info.Zxid);
        Assert.Equal(Payload(1), ReadPayload(stream));
        Assert.Contains(newest.Path, Assert.Single(logger.At(LogLevel.Warning)));
    }

    [Fact]
    public void A_truncated_or_headerless_snapshot_is_invalid()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var good = store.Save(0x1, Payload(1));
        var whole = File.ReadAllBytes(good.Path);
        File.WriteAllBytes(dir.File("snapshot.2"), whole[..^1]);
        File.WriteAllBytes(dir.File("snapshot.3"), whole[..20]);
        var renamed = (byte[])whole.Clone();
        renamed[0] = (byte)'X';
        File.WriteAllBytes(dir.File("snapshot.4"), renamed);
        File.WriteAllBytes(dir.File("snapshot.5"), []);

        Assert.All(store.List().Where(s => s.Zxid > 1), s => Assert.False(store.IsValid(s)));
        Assert.True(store.TryOpenNewestValid(out var info, out var stream));
        stream.Dispose();
        Assert.Equal(1, info.Zxid);
    }

    [Fact]
    public void A_temp_file_is_never_picked_up_and_is_cleared_at_start()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(0x5, Payload(1));
        // A valid-looking snapshot whose writer died before the rename.
        File.Copy(dir.File("snapshot.5"), dir.File("snapshot.9.tmp"));

        Assert.True(store.TryOpenNewestValid(out var info, out var stream));
        stream.Dispose();
        Assert.Equal(5, info.Zxid);

        _ = new SnapshotStore(dir.Path);
        Assert.False(File.Exists(dir.File("snapshot.9.tmp")));
    }

    [Fact]
    public void A_failing_payload_writer_leaves_no_file()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        Assert.Throws<InvalidOperationException>(() => store.Save(7, output =>
        {
            output.Write(Payload(1));
            throw new InvalidOperationException("tree walk failed");
        }));
        Assert.Empty(Directory.GetFiles(dir.Path));
        Assert.False(store.TryOpenNewestValid(out _, out _));
    }

    [Fact]
    public void No_snapshot_means_none_opened()
    {
        using var dir = new TempDirectory();
        Assert.False(new SnapshotStore(dir.Path).TryOpenNewestValid(out var info, out _));
        Assert.Equal(0, info.Zxid);
    }

    [Fact]
    public void Purge_keeps_the_newest_valid_and_deletes_older()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        foreach (var zxid in new long[] { 10, 20, 30, 40, 50, 60 }) store.Save(zxid, Payload((int)zxid));
        // An invalid newest snapshot does not count towards the retained ones, but is not deleted either.
        File.WriteAllBytes(dir.File("snapshot.2d"), [1, 2, 3]); // zxid 45

        Assert.Equal(30, store.Purge(4));
        Assert.Equal(new long[] { 60, 50, 45, 40, 30 }, store.List().Select(s => s.Zxid));
    }

    [Fact]
    public void Purge_never_keeps_fewer_than_three()
    {
        using var dir = new TempDirectory();
        var logger = new ListLogger();
        var store = new SnapshotStore(dir.Path, logger);
        foreach (var zxid in new long[] { 1, 2, 3, 4, 5 }) store.Save(zxid, Payload((int)zxid));

        Assert.Equal(3, store.Purge(1));
        Assert.Equal(new long[] { 5, 4, 3 }, store.List().Select(s => s.Zxid));
        Assert.Single(logger.At(LogLevel.Warning));
    }
}
