namespace AkkaZk.Jute;

/// <summary>Reserved xids of the client protocol (ClientCnxn); ordinary requests use positive xids.</summary>
public static class Xids
{
    /// <summary>Watch notification, server → client only.</summary>
    public const int Notification = -1;

    /// <summary>Ping (type 11); the reply is (−2, lastProcessedZxid, 0).</summary>
    public const int Ping = -2;

    /// <summary>AuthPacket (type 100); the reply carries zxid 0.</summary>
    public const int Auth = -4;

    /// <summary>SetWatches / SetWatches2 sent after a reconnect.</summary>
    public const int SetWatches = -8;
}
