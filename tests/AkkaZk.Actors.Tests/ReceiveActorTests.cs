using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class ReceiveActorTests : TestKit.TestKit
{
    [Fact]
    public void Handlers_are_tried_in_declaration_order_with_their_predicates()
    {
        var actor = ActorOf(Props.Create<Classifier>());

        actor.Tell(50, TestActor);
        actor.Tell(5, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(1.5, TestActor);

        ExpectMsg("big");
        ExpectMsg("small");
        ExpectMsg("declined text, then any: text");
        ExpectMsg("any: 1.5");
    }

    [Fact]
    public void Become_replaces_the_behaviour()
    {
        var actor = ActorOf(Props.Create<Switcher>());

        actor.Tell("x", TestActor);
        actor.Tell(Switcher.Swap.Instance, TestActor);
        actor.Tell("x", TestActor);
        actor.Tell(Switcher.Swap.Instance, TestActor);
        actor.Tell("x", TestActor);

        ExpectMsg("A:x");
        ExpectMsg("B:x");
        ExpectMsg("A:x");
    }

    [Fact]
    public void BecomeStacked_pushes_and_UnbecomeStacked_returns_to_the_previous_behaviour()
    {
        var actor = ActorOf(Props.Create<Switcher>());

        actor.Tell(Switcher.Push.Instance, TestActor);
        actor.Tell("x", TestActor);
        actor.Tell(Switcher.Push.Instance, TestActor);
        actor.Tell("x", TestActor);
        actor.Tell(Switcher.Pop.Instance, TestActor);
        actor.Tell("x", TestActor);
        actor.Tell(Switcher.Pop.Instance, TestActor);
        actor.Tell("x", TestActor);
        actor.Tell(Switcher.Pop.Instance, TestActor);
        actor.Tell("x", TestActor);

        ExpectMsg("S1:x");
        ExpectMsg("S2:x");
        ExpectMsg("S1:x");
        ExpectMsg("A:x");
        ExpectMsg("A:x");
    }

    [Fact]
    public void UntypedActor_gets_every_message()
    {
        var actor = ActorOf(Props.Create<Echo>());

        actor.Tell(42, TestActor);

        ExpectMsg(42);
    }

    [Fact]
    public void Tell_without_a_sender_from_a_test_replies_to_TestActor()
    {
        var actor = ActorOf(Props.Create<Echo>());

        actor.Tell("implicit");

        ExpectMsg("implicit");
    }

    [Fact]
    public void Tell_without_a_sender_inside_an_actor_sends_as_Self()
    {
        var echo = ActorOf(Props.Create<Echo>());
        var relay = ActorOf(Props.Create(() => new Relay(echo, TestActor)));

        relay.Tell("hop", TestActor);

        ExpectMsg("relayed hop");
    }

    [Fact]
    public void An_actor_created_with_new_is_rejected()
    {
        Assert.Throws<ActorInitializationException>(() => new Echo());
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(n => Sender.Tell("big"), n => n > 10);
            Receive<int>(_ => Sender.Tell("small"));
            Receive<string>(s => false);
            ReceiveAny(m => Sender.Tell(m is string ? $"declined text, then any: {m}" : $"any: {m}"));
        }
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher() => StateA();

        private void StateA()
        {
            Receive<string>(s => Sender.Tell($"A:{s}"));
            Receive<Swap>(_ => Become(StateB));
            Receive<Push>(_ => BecomeStacked(Stacked("S1")));
            Receive<Pop>(_ => UnbecomeStacked());
        }

        private void StateB()
        {
            Receive<string>(s => Sender.Tell($"B:{s}"));
            Receive<Swap>(_ => Become(StateA));
        }

        private Action Stacked(string name) => () =>
        {
            Receive<string>(s => Sender.Tell($"{name}:{s}"));
            Receive<Push>(_ => BecomeStacked(Stacked("S2")));
            Receive<Pop>(_ => UnbecomeStacked());
        };

        public sealed class Swap
        {
            public static readonly Swap Instance = new();
        }

        public sealed class Push
        {
            public static readonly Push Instance = new();
        }

        public sealed class Pop
        {
            public static readonly Pop Instance = new();
        }
    }

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef echo, IActorRef report)
        {
            Receive<string>(s => echo.Tell($"relayed {s}"), s => !s.StartsWith("relayed", StringComparison.Ordinal));
            Receive<string>(s => report.Tell(s, Self));
        }
    }
}
