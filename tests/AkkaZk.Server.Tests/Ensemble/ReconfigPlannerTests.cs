using AkkaZk.Consensus;
using AkkaZk.Jute;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>PrepRequestProcessor's reconfig checks, in ZooKeeper 3.8's order.</summary>
public sealed class ReconfigPlannerTests
{
    private const long Version = 0x100000000;
    private const long Zxid = 0x100000005;
    private const string Current = "server.1=h:2881:3881:participant\nserver.2=h:2882:3882:participant\nserver.3=h:2883:3883:participant\nversion=100000000";

    private static ZabProtocol.ReconfigView View(long committed = Version, params long[] synced) =>
        new(QuorumConfig.Parse(Current)!, committed, synced.Length == 0 ? new HashSet<long> { 1, 2, 3 } : synced.ToHashSet());

    private static (ErrorCode, string?) Plan(string? joining, string? leaving, string? members = null, long from = -1,
        ZabProtocol.ReconfigView? view = null) =>
        ReconfigPlanner.Plan(new ReconfigRequest(joining, leaving, members, from), view ?? View(), Zxid, standaloneEnabled: true);

    [Fact]
    public void Leaving_and_joining_give_the_next_config_versioned_with_the_zxid()
    {
        Assert.Equal((ErrorCode.Ok, "server.1=h:2881:3881:participant\nserver.2=h:2882:3882:participant\nversion=100000005"),
            Plan(null, "3"));
        Assert.Equal((ErrorCode.Ok, "server.1=h:2881:3881:participant\nserver.2=h:2882:3882:participant\n"
                + "server.3=h:2883:3883:observer;0.0.0.0:2183\nversion=100000005"),
            Plan("server.3=h:2883:3883:observer;2183", null));
    }

    [Fact]
    public void New_members_replace_the_config()
    {
        Assert.Equal((ErrorCode.Ok, "server.1=h:2881:3881:participant;0.0.0.0:2181\nserver.2=h:2882:3882:participant;0.0.0.0:2182\nversion=100000005"),
            Plan(null, null, "server.1=h:2881:3881:participant;2181,server.2=h:2882:3882:participant;2182"));
    }

    [Fact]
    public void Refusals_come_in_zookeepers_order()
    {
        Assert.Equal(ErrorCode.ReconfigInProgress, Plan(null, "3", from: 7, view: View(committed: 1)).Item1);
        Assert.Equal(ErrorCode.BadVersion, Plan(null, "3", from: 7).Item1);
        Assert.Equal(ErrorCode.Ok, Plan(null, "3", from: Version).Item1);
        Assert.Equal(ErrorCode.BadArguments, Plan("server.4=h:2884:3884:participant", null).Item1);   // no client port
        Assert.Equal(ErrorCode.BadArguments, Plan("server.4=h:2883:3884:participant;2184", null).Item1); // quorum port of 3
        Assert.Equal(ErrorCode.BadArguments, Plan("server.4", null).Item1);
        Assert.Equal(ErrorCode.BadArguments, Plan(null, "x").Item1);
        Assert.Equal(ErrorCode.BadArguments, Plan(null, "2,3").Item1); // fewer than 2 voters
        Assert.Equal(ErrorCode.NewConfigNoQuorum, Plan("server.4=h:2884:3884:participant;2184,server.5=h:2885:3885:participant;2185", null,
            view: View(Version, 1, 4)).Item1);
    }
}
