using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>FastLeaderElection.WorkerReceiver with reconfigEnabled: a LOOKING server adopts a newer config.</summary>
public sealed class ElectionReconfigTests
{
    private static readonly QuorumConfig Old = QuorumConfig.Parse(Config(0x100000000, 1, 2, 3))!;
    private static readonly QuorumConfig Newer = QuorumConfig.Parse(Config(0x100000004, 1, 3, 5))!;
    private static readonly ElectionOptions Options = new(TickMillis: 100, ReconfigEnabled: true);

    private static string Config(long version, params long[] voters) =>
        string.Join('\n', voters.Select(s => $"server.{s}=127.0.0.1:{2880 + s}:{3880 + s}:participant").Append($"version={version:x}"));

    private static Notification From(ServerState state, QuorumConfig config) =>
        Notification.Create(state, 3, 0x100000007, 1, 1, config.ConfigString);

    [Fact]
    public void A_looking_server_adopts_a_newer_config_and_restarts_its_round_under_it()
    {
        var core = new ElectionCore(1, Old, Options, 0x100000005, 1);
        core.StartLooking(0x100000005, 1);
        var ready = core.Step(3, From(ServerState.Leading, Newer));
        Assert.Equal(Newer.ConfigString, Assert.Single(ready.Activate).Config.ConfigString);
        Assert.Equal(2, core.LogicalClock);
        Assert.Equal([3L, 5L], ready.Send.Select(s => s.To)); // the new config's other voters
        Assert.All(ready.Send, s => Assert.Equal(Newer.ConfigString, s.Message.Config));
    }

    [Fact]
    public void An_older_or_equal_config_a_server_not_looking_or_reconfig_disabled_adopts_nothing()
    {
        var current = new ElectionCore(1, Newer, Options, 0x100000005, 1);
        current.StartLooking(0x100000005, 1);
        Assert.Empty(current.Step(3, From(ServerState.Leading, Old)).Activate);

        var disabled = new ElectionCore(1, Old, Options with { ReconfigEnabled = false }, 0x100000005, 1);
        disabled.StartLooking(0x100000005, 1);
        Assert.Empty(disabled.Step(3, From(ServerState.Leading, Newer)).Activate);
        Assert.Equal(Old.Version, disabled.Config.Version);
    }
}
