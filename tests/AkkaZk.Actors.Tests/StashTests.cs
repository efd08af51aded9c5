using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class StashTests : TestKit.TestKit
{
    [Fact]
    public void UnstashAll_delivers_stashed_messages_first_and_in_order()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));

        gate.Tell(1, TestActor);
        gate.Tell(2, TestActor);
        gate.Tell(3, TestActor);
        gate.Tell("open", TestActor);
        gate.Tell(4, TestActor);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg(3);
        ExpectMsg(4);
    }

    [Fact]
    public void Stashed_messages_survive_a_restart()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));

        gate.Tell(1, TestActor);
        gate.Tell(2, TestActor);
        gate.Tell("fail", TestActor);
        gate.Tell("open", TestActor);

        ExpectMsg(1);
        ExpectMsg(2);
    }

    [Fact]
    public async Task Messages_still_stashed_when_the_actor_stops_become_dead_letters()
    {
        var log = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("stash", new ActorSystemSettings(log));
        var gate = system.ActorOf(Props.Create(() => new Gate(TestActor)), "gate");
        Watch(gate);
        gate.Tell(7, TestActor);

        gate.Tell(PoisonPill.Instance, TestActor);
        ExpectTerminated(gate);

        Assert.Contains(log.Lines, l => l.Message == $"Dead letter: Int32 from {TestActor.Path} to akka://stash/user/gate");
    }

    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate(IActorRef report)
        {
            Receive<string>(_ =>
            {
                Stash.UnstashAll();
                Become(() => Receive<int>(n => report.Tell(n)));
            }, s => s == "open");
            Receive<string>(_ => throw new InvalidOperationException("asked to fail"), s => s == "fail");
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }
}
