using System.Collections.Concurrent;
using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class LifecycleTests : TestKit.TestKit
{
    private readonly CapturingLoggerFactory _log;

    public LifecycleTests()
        : this(new CapturingLoggerFactory())
    {
    }

    private LifecycleTests(CapturingLoggerFactory log)
        : base(new ActorSystemSettings(log), "life")
    {
        _log = log;
    }

    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_before_it()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");
        Watch(echo);

        echo.Tell(1, TestActor);
        echo.Tell(2, TestActor);
        echo.Tell(PoisonPill.Instance, TestActor);
        echo.Tell(3, TestActor);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectTerminated(echo);
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_logged_as_a_dead_letter()
    {
        var echo = ActorOf(Props.Create<Echo>(), "gone");
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        echo.Tell("hello", TestActor);
        echo.Tell(5, ActorRefs.NoSender);

        var lines = _log.Lines.Select(l => l.Message).ToArray();
        Assert.Contains("Dead letter: String from akka://life/user/testActor to akka://life/user/gone", lines);
        Assert.Contains("Dead letter: Int32 from NoSender to akka://life/user/gone", lines);
    }

    [Fact]
    public void A_reply_to_a_message_without_sender_goes_to_dead_letters()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo-nosender");

        echo.Tell(new Nested.Ping(), ActorRefs.NoSender);

        AwaitAssert(() => Assert.Contains(
            _log.Lines,
            l => l.Message == "Dead letter: LifecycleTests.Nested.Ping from akka://life/user/echo-nosender to akka://life/deadLetters"));
    }

    [Fact]
    public void An_unhandled_message_is_logged_at_debug()
    {
        var picky = ActorOf(Props.Create<Picky>(), "picky");

        picky.Tell(3.5, TestActor);
        picky.Tell("marker", TestActor);
        ExpectMsg("marker");

        Assert.Contains(_log.Lines, l =>
            l.Level == Microsoft.Extensions.Logging.LogLevel.Debug &&
            l.Message == "Unhandled message: Double from akka://life/user/testActor to akka://life/user/picky");
    }

    [Fact]
    public async Task Terminate_runs_PostStop_of_every_actor_and_completes_WhenTerminated()
    {
        var stopped = new ConcurrentBag<string>();
        var parent = ActorOf(Props.Create(() => new Family(stopped, 3)), "family");
        ActorOf(Props.Create(() => new Family(stopped, 0)), "single");
        parent.Tell("ready?", TestActor);
        ExpectMsg("ready");

        await Sys.Terminate().WaitAsync(DefaultTimeout);

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.Equal(
            ["/user/family", "/user/family/c0", "/user/family/c1", "/user/family/c2", "/user/single"],
            stopped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Child_names_must_be_unique_and_unnamed_children_get_generated_names()
    {
        var parent = ActorOf(Props.Create<Family>(() => new Family(new ConcurrentBag<string>(), 0)), "names");

        parent.Tell(new Create("x"), TestActor);
        parent.Tell(new Create("x"), TestActor);
        parent.Tell(new Create(null), TestActor);
        parent.Tell(new Create(null), TestActor);

        ExpectMsg("akka://life/user/names/x");
        ExpectMsg(nameof(InvalidActorNameException));
        ExpectMsg("akka://life/user/names/$a");
        ExpectMsg("akka://life/user/names/$b");
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Echo>(), "names"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Echo>(), "$reserved"));
    }

    [Fact]
    public void Context_exposes_parent_children_and_lookup_by_name()
    {
        var parent = ActorOf(Props.Create(() => new Family(new ConcurrentBag<string>(), 2)), "ctx");

        parent.Tell(new Describe(), TestActor);

        ExpectMsg("parent=akka://life/user children=c0,c1 c1=akka://life/user/ctx/c1 nope=null");
    }

    [Fact]
    public async Task ActorOf_after_termination_gives_a_dead_reference()
    {
        await Sys.Terminate().WaitAsync(DefaultTimeout);

        var late = Sys.ActorOf(Props.Create<Echo>(), "late");
        late.Tell("lost", ActorRefs.NoSender);

        Assert.Contains(_log.Lines, l => l.Message == "Dead letter: String from NoSender to akka://life/user/late");
    }

    public sealed record Create(string? Name);

    public sealed record Describe;

    public static class Nested
    {
        public sealed record Ping;
    }

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    private sealed class Picky : ReceiveActor
    {
        public Picky() => Receive<string>(s => Sender.Tell(s));
    }

    private sealed class Family : ReceiveActor
    {
        private readonly ConcurrentBag<string> _stopped;

        public Family(ConcurrentBag<string> stopped, int children)
        {
            _stopped = stopped;
            for (int i = 0; i < children; i++)
            {
                Context.ActorOf(Props.Create(() => new Family(stopped, 0)), $"c{i}");
            }

            Receive<string>(_ => Sender.Tell("ready"));
            Receive<Create>(c =>
            {
                try
                {
                    Sender.Tell(Context.ActorOf(Props.Create<Echo>(), c.Name).Path.ToString());
                }
                catch (InvalidActorNameException)
                {
                    Sender.Tell(nameof(InvalidActorNameException));
                }
            });
            Receive<Describe>(_ =>
            {
                var names = string.Join(",", Context.GetChildren().Select(c => c.Path.Name).Order(StringComparer.Ordinal));
                var nope = Context.Child("nope")?.Path.ToString() ?? "null";
                Sender.Tell($"parent={Context.Parent.Path} children={names} c1={Context.Child("c1")!.Path} nope={nope}");
            });
        }

        protected override void PostStop() => _stopped.Add(Self.Path.ToStringWithoutAddress());
    }
}
