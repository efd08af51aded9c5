using AkkaZk.DataTree;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaZk.Persistence;

/// <summary>
/// Snapshot files <c>&lt;dir&gt;/snapshot.&lt;hex zxid&gt;</c> in ZooKeeper's snapshot format (QUORUM 11.2). The payload
/// (sessions, ACL cache, nodes, "/") is opaque here: the caller writes and reads it.
/// A snapshot is written to <c>snapshot.&lt;hex&gt;.tmp</c>, fsynced, renamed and the directory fsynced, so a crash
/// never leaves a half file under a final name (ZooKeeper writes in place and relies on the seal instead; both
/// checks apply here). Not thread-safe: one owner at a time.
/// </summary>
public sealed class SnapshotStore
{
    /// <summary>ZooKeeper's minimum autopurge.snapRetainCount (PurgeTxnLog refuses fewer).</summary>
    public const int MinRetainCount = 3;

    private const int WriteBufferSize = 1 << 16;

    private readonly string _directory;
    private readonly ILogger _logger;

    public SnapshotStore(string directory, ILogger? logger = null)
    {
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? NullLogger.Instance;
        Directory.CreateDirectory(_directory);
        DeleteStaleTempFiles();
    }

    public string DirectoryPath => _directory;

    public SnapshotInfo Save(long zxid, ReadOnlyMemory<byte> payload, ZxidDigest? digest = null) =>
        Save(zxid, stream => stream.Write(payload.Span), digest);

    /// <summary>
    /// Writes a snapshot whose payload <paramref name="writePayload"/> streams out, then the tree's digest after its
    /// last applied txn (DataTree.LastProcessedZxidDigest); durable when it returns.
    /// </summary>
    public SnapshotInfo Save(long zxid, Action<Stream> writePayload, ZxidDigest? digest = null)
    {
        ArgumentNullException.ThrowIfNull(writePayload);
        var started = Stopwatch.GetTimestamp();
        var path = Path.Combine(_directory, SnapshotFileName.For(zxid));
        var temp = path + SnapshotFileName.TempSuffix;
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, WriteBufferSize))
            {
                var checksummed = new ChecksumStream(file);
                SnapshotFileFormat.WriteHeader(checksummed);
                writePayload(checksummed);
                SnapshotFileFormat.WriteTrailer(checksummed, digest);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            DirectorySync.Flush(_directory);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        var info = new SnapshotInfo(zxid, path, new FileInfo(path).Length);
        _logger.LogInformation("Snapshot 0x{Zxid:x} saved: {Size} bytes in {Ms} ms",
            zxid, info.Size, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return info;
    }

    /// <summary>Every snapshot file (valid or not), newest zxid first; temp files are not listed.</summary>
    public IReadOnlyList<SnapshotInfo> List()
    {
        var snapshots = new List<SnapshotInfo>();
        foreach (var file in new DirectoryInfo(_directory).EnumerateFiles(SnapshotFileName.Prefix + "*"))
        {
            if (SnapshotFileName.TryParse(file.Name, out var zxid))
                snapshots.Add(new SnapshotInfo(zxid, file.FullName, file.Length));
        }
        snapshots.Sort((a, b) => b.Zxid.CompareTo(a.Zxid));
        return snapshots;
    }

    /// <summary>Checks header and seals of one snapshot; logs a warning when it is invalid.</summary>
    public bool IsValid(SnapshotInfo snapshot) => TryValidate(snapshot, out _, out _);

    /// <summary>Opens the payload of <paramref name="snapshot"/> if its header and seals check out.</summary>
    public bool TryOpenValid(SnapshotInfo snapshot, out Stream payload) => TryOpenValid(snapshot, out payload, out _);

    /// <summary>As <see cref="TryOpenValid(SnapshotInfo, out Stream)"/>, with the digest the file carries after the tree.</summary>
    public bool TryOpenValid(SnapshotInfo snapshot, out Stream payload, out ZxidDigest? digest)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        payload = Stream.Null;
        if (!TryValidate(snapshot, out var payloadLength, out digest)) return false;
        var file = new FileStream(snapshot.Path, FileMode.Open, FileAccess.Read, FileShare.Read, WriteBufferSize);
        file.Seek(SnapshotFileFormat.HeaderLength, SeekOrigin.Begin);
        payload = new BoundedReadStream(file, payloadLength);
        return true;
    }

    /// <summary>
    /// The newest snapshot whose header and seals check out, skipping (with a warning each) invalid newer ones, as
    /// ZooKeeper's FileSnap.deserialize falls back through its most recent snapshots. The caller disposes the payload.
    /// </summary>
    public bool TryOpenNewestValid(out SnapshotInfo info, out Stream payload)
    {
        foreach (var snapshot in List())
        {
            if (!TryOpenValid(snapshot, out payload)) continue;
            info = snapshot;
            return true;
        }
        info = new SnapshotInfo(0, string.Empty, 0);
        payload = Stream.Null;
        return false;
    }

    /// <summary>
    /// Keeps the newest <paramref name="retainCount"/> valid snapshots (at least <see cref="MinRetainCount"/>) and
    /// deletes every snapshot older than the oldest kept, as ZooKeeper's PurgeTxnLog. Returns the zxid of the oldest
    /// kept snapshot, or 0 when there is no valid snapshot (then nothing is deleted).
    /// </summary>
    public long Purge(int retainCount)
    {
        if (retainCount < MinRetainCount)
        {
            // As QuorumPeerConfig: an autopurge.snapRetainCount below 3 is raised to 3 with a warning.
            _logger.LogWarning("snapRetainCount {Count} is below {Min}; keeping {Min}", retainCount, MinRetainCount, MinRetainCount);
            retainCount = MinRetainCount;
        }
        var all = List();
        var kept = 0;
        long oldestKept = 0;
        foreach (var snapshot in all)
        {
            if (kept == retainCount) break;
            if (!IsValid(snapshot)) continue;
            kept++;
            oldestKept = snapshot.Zxid;
        }
        if (kept == 0) return 0;
        foreach (var snapshot in all.Where(s => s.Zxid < oldestKept))
        {
            File.Delete(snapshot.Path);
            _logger.LogInformation("Purged snapshot {Path}", snapshot.Path);
        }
        return oldestKept;
    }

    private bool TryValidate(SnapshotInfo snapshot, out long payloadLength, out ZxidDigest? digest)
    {
        if (SnapshotValidator.TryValidate(snapshot.Path, out payloadLength, out digest, out var reason)) return true;
        _logger.LogWarning("Skipping invalid snapshot {Path}: {Reason}", snapshot.Path, reason);
        return false;
    }

    private void DeleteStaleTempFiles()
    {
        foreach (var file in Directory.EnumerateFiles(_directory, SnapshotFileName.Prefix + "*" + SnapshotFileName.TempSuffix))
        {
            // A temp file is a snapshot whose writer died before the rename: never complete, never used.
            File.Delete(file);
            _logger.LogInformation("Deleted unfinished snapshot {Path}", file);
        }
    }
}
