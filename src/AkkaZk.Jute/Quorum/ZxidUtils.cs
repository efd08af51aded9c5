namespace AkkaZk.Jute.Quorum;

/// <summary>zxid = (epoch &lt;&lt; 32) | counter, as ZooKeeper's ZxidUtils.</summary>
public static class ZxidUtils
{
    /// <summary>The last counter a leader may propose: a request at 0xFFFFFFFF forces a new epoch (ZOOKEEPER-1277).</summary>
    public const long MaxCounter = 0xFFFFFFFEL;

    public static long MakeZxid(long epoch, long counter) => (epoch << 32) | (counter & 0xFFFFFFFFL);

    public static long GetEpoch(long zxid) => zxid >> 32;

    public static long GetCounter(long zxid) => zxid & 0xFFFFFFFFL;

    /// <summary>A zxid with counter 0 names an epoch's start (NEWLEADER, FOLLOWERINFO, the UPTODATE ack); no txn has it.</summary>
    public static bool IsEpochStart(long zxid) => GetCounter(zxid) == 0;

    public static string ToHex(long zxid) => "0x" + zxid.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
