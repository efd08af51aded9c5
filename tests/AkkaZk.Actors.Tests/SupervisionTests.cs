using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class SupervisionTests : TestKit.TestKit
{
    [Fact]
    public void Restart_makes_a_fresh_instance_and_calls_PreRestart_then_PostRestart()
    {
        var counter = ActorOf(Props.Create(() => new Counter(TestActor)));
        ExpectMsg("PreStart");
        counter.Tell("inc", TestActor);
        counter.Tell("inc", TestActor);
        ExpectMsg(1);
        ExpectMsg(2);

        counter.Tell(new Fail("boom"), TestActor);

        ExpectMsg("PreRestart boom after Fail { Reason = boom }");
        ExpectMsg("PostRestart boom");
        ExpectMsg("PreStart");
        counter.Tell("inc", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(TestActor, new OneForOneStrategy(_ => Directive.Resume), 1)));
        var child = ExpectChildStarted();
        child.Tell("inc", TestActor);
        ExpectMsg(1);

        child.Tell(new Fail("oops"), TestActor);
        child.Tell("inc", TestActor);

        ExpectMsg(2);
        Assert.NotNull(supervisor);
    }

    [Fact]
    public void Stop_stops_the_failed_child()
    {
        ActorOf(Props.Create(() => new Supervisor(TestActor, new OneForOneStrategy(_ => Directive.Stop), 1)));
        var child = ExpectChildStarted();
        Watch(child);

        child.Tell(new Fail("fatal"), TestActor);

        ExpectMsg("PostStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_hands_the_failure_to_the_grandparent_which_restarts_the_parent()
    {
        var grandparentStrategy = new OneForOneStrategy(_ => Directive.Restart);
        var parentProps = Props.Create(() => new Supervisor(TestActor, new OneForOneStrategy(_ => Directive.Escalate), 1));
        ActorOf(Props.Create(() => new Forwarder(parentProps)).WithSupervisorStrategy(grandparentStrategy));
        var child = ExpectChildStarted();
        Watch(child);

        child.Tell(new Fail("up"), TestActor);

        // The parent's restart stops the old child (default PreRestart) and its constructor makes a new one.
        ExpectMsg("supervisor PreRestart up");
        ExpectMsg("PostStop");

        // The old child's Terminated races with the new child's start: both follow the old child's death.
        var after = new[] { ReceiveOne(), ReceiveOne(), ReceiveOne() };
        Assert.Contains(after, m => m is Terminated t && ReferenceEquals(t.ActorRef, child));
        Assert.Contains("PreStart", after);
        var newChild = Assert.Single(after.OfType<IActorRef>());
        Assert.NotSame(child, newChild);
        Assert.Equal(child.Path, newChild.Path);
    }

    [Fact]
    public void AllForOne_restarts_every_child_when_one_fails()
    {
        ActorOf(Props.Create(() => new Supervisor(TestActor, new AllForOneStrategy(_ => Directive.Restart), 2)));
        // The children start concurrently with the parent reporting them, so the four messages come in any order.
        var started = Enumerable.Range(0, 4).Select(_ => ReceiveOne()).ToArray();
        var children = started.OfType<IActorRef>().OrderBy(c => c.Path.Name, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, started.Count(m => m is "PreStart"));
        var (first, second) = (children[0], children[1]);
        second.Tell("inc", TestActor);
        ExpectMsg(1);

        first.Tell(new Fail("one"), TestActor);

        var restarts = new[] { ReceiveString(), ReceiveString(), ReceiveString(), ReceiveString(), ReceiveString(), ReceiveString() };
        Assert.Equal(2, restarts.Count(r => r.StartsWith("PreRestart one", StringComparison.Ordinal)));
        Assert.Equal(2, restarts.Count(r => r == "PostRestart one"));
        second.Tell("inc", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void A_child_that_fails_more_than_maxNrOfRetries_times_is_stopped()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        ActorOf(Props.Create(() => new Supervisor(TestActor, strategy, 1)));
        var child = ExpectChildStarted();
        Watch(child);

        child.Tell(new Fail("1"), TestActor);
        child.Tell(new Fail("2"), TestActor);
        child.Tell(new Fail("3"), TestActor);

        FishForMessage(m => m is Terminated t && ReferenceEquals(t.ActorRef, child));
    }

    [Fact]
    public void A_failing_top_level_actor_is_restarted_by_the_guardian()
    {
        var counter = ActorOf(Props.Create(() => new Counter(TestActor)));
        ExpectMsg("PreStart");

        counter.Tell(new Fail("top"), TestActor);

        ExpectMsg("PreRestart top after Fail { Reason = top }");
        ExpectMsg("PostRestart top");
    }

    [Fact]
    public void An_actor_whose_constructor_throws_is_stopped()
    {
        var broken = ActorOf(Props.Create(() => new Broken()));
        Watch(broken);

        ExpectTerminated(broken);
    }

    [Fact]
    public void Kill_fails_the_actor_and_the_default_strategy_stops_it()
    {
        var counter = ActorOf(Props.Create(() => new Counter(TestActor)));
        ExpectMsg("PreStart");
        Watch(counter);

        counter.Tell(Kill.Instance, TestActor);

        ExpectMsg("PostStop");
        ExpectTerminated(counter);
    }

    [Fact]
    public void An_exception_in_a_ReceiveAsync_handler_after_an_await_goes_to_supervision()
    {
        var counter = ActorOf(Props.Create(() => new Counter(TestActor)));
        ExpectMsg("PreStart");

        counter.Tell(new FailAsync("later"), TestActor);

        ExpectMsg("PreRestart later after FailAsync { Reason = later }");
        ExpectMsg("PostRestart later");
    }

    private string ReceiveString() => ExpectMsg<string>();

    /// <summary>The parent reports the child's ref while the child runs PreStart, so the two come in either order.</summary>
    private IActorRef ExpectChildStarted()
    {
        var messages = new[] { ReceiveOne(), ReceiveOne() };
        Assert.Contains("PreStart", messages);
        return Assert.Single(messages.OfType<IActorRef>());
    }

    public sealed record Fail(string Reason);

    public sealed record FailAsync(string Reason);

    private sealed class Counter : ReceiveActor
    {
        private readonly IActorRef _report;
        private int _count;

        public Counter(IActorRef report)
        {
            _report = report;
            Receive<string>(_ => Sender.Tell(++_count), s => s == "inc");
            Receive<Fail>(f => throw new InvalidOperationException(f.Reason));
            ReceiveAsync<FailAsync>(async f =>
            {
                await Task.Yield();
                throw new InvalidOperationException(f.Reason);
            });
        }

        protected override void PreStart() => _report.Tell("PreStart");

        protected override void PostStop() => _report.Tell("PostStop");

        protected override void PreRestart(Exception reason, object? message) =>
            _report.Tell($"PreRestart {reason.Message} after {message}");

        protected override void PostRestart(Exception reason)
        {
            _report.Tell($"PostRestart {reason.Message}");
            base.PostRestart(reason);
        }
    }

    private sealed class Supervisor : ReceiveActor
    {
        private readonly IActorRef _report;
        private readonly SupervisorStrategy _strategy;

        public Supervisor(IActorRef report, SupervisorStrategy strategy, int children)
        {
            _report = report;
            _strategy = strategy;
            for (int i = 0; i < children; i++)
            {
                report.Tell(Context.ActorOf(Props.Create(() => new Counter(report)), $"child-{i}"));
            }
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;

        protected override void PreRestart(Exception reason, object? message)
        {
            _report.Tell($"supervisor PreRestart {reason.Message}");
            base.PreRestart(reason, message);
        }
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(Props child) => Context.ActorOf(child, "parent");
    }

    private sealed class Broken : ReceiveActor
    {
        public Broken() => throw new InvalidOperationException("cannot start");
    }
}
