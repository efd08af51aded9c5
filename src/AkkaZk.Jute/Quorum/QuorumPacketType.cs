namespace AkkaZk.Jute.Quorum;

/// <summary>QuorumPacket types (Leader.java constants, confirmed on the 3.8.0 jar).</summary>
public static class QuorumPacketType
{
    public const int Request = 1;
    public const int Proposal = 2;
    public const int Ack = 3;
    public const int Commit = 4;
    public const int Ping = 5;
    public const int Revalidate = 6;
    public const int Sync = 7;
    public const int Inform = 8;
    public const int CommitAndActivate = 9;
    public const int NewLeader = 10;
    public const int FollowerInfo = 11;
    public const int UpToDate = 12;
    public const int Diff = 13;
    public const int Trunc = 14;
    public const int Snap = 15;
    public const int ObserverInfo = 16;
    public const int LeaderInfo = 17;
    public const int AckEpoch = 18;
    public const int InformAndActivate = 19;

    public static string Name(int type) => type switch
    {
        Request => "REQUEST",
        Proposal => "PROPOSAL",
        Ack => "ACK",
        Commit => "COMMIT",
        Ping => "PING",
        Revalidate => "REVALIDATE",
        Sync => "SYNC",
        Inform => "INFORM",
        CommitAndActivate => "COMMITANDACTIVATE",
        NewLeader => "NEWLEADER",
        FollowerInfo => "FOLLOWERINFO",
        UpToDate => "UPTODATE",
        Diff => "DIFF",
        Trunc => "TRUNC",
        Snap => "SNAP",
        ObserverInfo => "OBSERVERINFO",
        LeaderInfo => "LEADERINFO",
        AckEpoch => "ACKEPOCH",
        InformAndActivate => "INFORMANDACTIVATE",
        _ => "UNKNOWN" + type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The type for a name as <see cref="Name"/> prints it (case-insensitive); −1 when unknown.</summary>
    public static int Parse(string name)
    {
        for (var type = Request; type <= InformAndActivate; type++)
            if (string.Equals(Name(type), name, StringComparison.OrdinalIgnoreCase)) return type;
        return -1;
    }
}
