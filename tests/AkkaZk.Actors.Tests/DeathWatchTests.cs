using System.Collections.Concurrent;
using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class DeathWatchTests : TestKit.TestKit
{
    [Fact]
    public void A_watcher_gets_Terminated_when_the_watched_actor_stops()
    {
        var target = ActorOf(Props.Create<Idle>(), "target");
        Watch(target);

        Sys.Stop(target);

        var terminated = ExpectTerminated(target);
        Assert.Same(target, terminated.ActorRef);
        Assert.Same(target, LastSender);
    }

    [Fact]
    public void Watching_an_actor_that_is_already_dead_delivers_Terminated()
    {
        var probe = CreateTestProbe();
        var target = ActorOf(Props.Create<Idle>());
        probe.Watch(target);
        Sys.Stop(target);
        probe.ExpectTerminated(target);

        Watch(target);

        ExpectTerminated(target);
    }

    [Fact]
    public void After_Unwatch_no_Terminated_is_delivered()
    {
        var barrier = CreateTestProbe();
        var target = ActorOf(Props.Create<Idle>());
        Watch(target);
        Unwatch(target);
        barrier.Watch(target);

        Sys.Stop(target);
        barrier.ExpectTerminated(target);
        TestActor.Tell("after", ActorRefs.NoSender);

        // TestActor handled Unwatch before "after", so nothing from the target can come first.
        ExpectMsg("after");
    }

    [Fact]
    public void An_unhandled_Terminated_stops_the_watcher_with_a_death_pact()
    {
        var target = ActorOf(Props.Create<Idle>());
        var watcher = ActorOf(Props.Create(() => new PactWatcher(target)));
        Watch(watcher);
        watcher.Tell("watching?", TestActor);
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectTerminated(watcher);
    }

    [Fact]
    public void Stop_runs_children_PostStop_first_then_the_parent_then_tells_watchers()
    {
        var events = new ConcurrentQueue<string>();
        var parent = ActorOf(Props.Create(() => new Node(events, 2)), "parent");
        parent.Tell("ready?", TestActor);
        ExpectMsg("ready");
        Watch(parent);

        Sys.Stop(parent);
        ExpectTerminated(parent);

        var order = events.ToArray();
        Assert.Equal(3, order.Length);
        Assert.Equal("PostStop /user/parent", order[2]);
        Assert.All(order[..2], e => Assert.StartsWith("PostStop /user/parent/child-", e, StringComparison.Ordinal));
    }

    [Fact]
    public void A_stopped_childs_name_becomes_free_once_its_parent_hears_it_terminated()
    {
        var parent = ActorOf(Props.Create<Reuser>(), "reuser");

        parent.Tell("cycle", TestActor);

        ExpectMsg("re-created akka://test/user/reuser/x");
    }

    private sealed class Idle : ReceiveActor
    {
    }

    private sealed class PactWatcher : ReceiveActor
    {
        public PactWatcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("watching"));
        }
    }

    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _events;

        public Node(ConcurrentQueue<string> events, int children)
        {
            _events = events;
            for (int i = 0; i < children; i++)
            {
                Context.ActorOf(Props.Create(() => new Node(events, 0)), $"child-{i}");
            }

            Receive<string>(_ => Sender.Tell("ready"));
        }

        protected override void PostStop() => _events.Enqueue($"PostStop {Self.Path.ToStringWithoutAddress()}");
    }

    private sealed class Reuser : ReceiveActor
    {
        private IActorRef? _replyTo;

        public Reuser()
        {
            Receive<string>(_ =>
            {
                _replyTo = Sender;
                Context.Watch(Context.ActorOf(Props.Create<Idle>(), "x"));
                Context.Stop(Context.Child("x")!);
            });
            Receive<Terminated>(_ =>
            {
                var again = Context.ActorOf(Props.Create<Idle>(), "x");
                _replyTo!.Tell($"re-created {again.Path}");
            });
        }
    }
}
