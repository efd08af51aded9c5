using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class TimerTests : TestKit.TestKit
{
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);
    private readonly ManualTimeProvider _clock;

    public TimerTests()
        : this(new ManualTimeProvider())
    {
    }

    private TimerTests(ManualTimeProvider clock)
        : base(new ActorSystemSettings(TimeProvider: clock))
    {
        _clock = clock;
    }

    [Fact]
    public void A_single_timer_fires_once()
    {
        var actor = StartTimerActor();
        actor.Tell(new StartSingle("k", new Tick("a"), s_second), TestActor);
        ExpectMsg("started");

        _clock.Advance(s_second);
        ExpectMsg(new Tick("a"));
        _clock.Advance(TimeSpan.FromSeconds(10));

        AssertNextIsPong(actor);
        actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval_until_cancelled()
    {
        var actor = StartTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("p"), s_second), TestActor);
        ExpectMsg("started");

        for (int i = 0; i < 3; i++)
        {
            _clock.Advance(s_second);
            ExpectMsg(new Tick("p"));
        }

        actor.Tell(new CancelTimer("k"), TestActor);
        ExpectMsg("cancelled");
        _clock.Advance(TimeSpan.FromSeconds(10));
        AssertNextIsPong(actor);
    }

    [Fact]
    public void A_cancelled_timer_never_delivers()
    {
        var actor = StartTimerActor();
        actor.Tell(new StartSingle("k", new Tick("a"), s_second), TestActor);
        ExpectMsg("started");
        actor.Tell(new CancelTimer("k"), TestActor);
        ExpectMsg("cancelled");

        _clock.Advance(TimeSpan.FromSeconds(5));

        AssertNextIsPong(actor);
        Assert.Equal(0, _clock.ActiveTimers);
    }

    [Fact]
    public void Replacing_a_timer_drops_the_old_ones_message_even_if_it_is_already_queued()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var actor = StartTimerActor();
        actor.Tell(new StartSingle("k", new Tick("old"), s_second), TestActor);
        ExpectMsg("started");

        // Hold the actor so that the old timer's message is queued behind the replacing request.
        actor.Tell(new Block(entered, release), TestActor);
        Assert.True(entered.Wait(DefaultTimeout));
        actor.Tell(new StartSingle("k", new Tick("new"), s_second), TestActor);
        _clock.Advance(s_second);
        release.Set();

        ExpectMsg("started");
        AssertNextIsPong(actor);
        _clock.Advance(s_second);
        ExpectMsg(new Tick("new"));
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = StartTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("p"), s_second), TestActor);
        ExpectMsg("started");
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(0, _clock.ActiveTimers);
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = StartTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("p"), s_second), TestActor);
        ExpectMsg("started");

        actor.Tell("fail", TestActor);
        ExpectMsg("restarted");

        Assert.Equal(0, _clock.ActiveTimers);
        _clock.Advance(s_second);
        AssertNextIsPong(actor);
    }

    [Fact]
    public void The_scheduler_sends_once_after_the_delay_unless_cancelled()
    {
        var sent = Sys.Scheduler.ScheduleTellOnce(s_second, TestActor, "once", ActorRefs.NoSender);
        var cancelled = Sys.Scheduler.ScheduleTellOnce(s_second, TestActor, "never", ActorRefs.NoSender);
        cancelled.Cancel();

        _clock.Advance(s_second);
        TestActor.Tell("marker", ActorRefs.NoSender);

        ExpectMsg("once");
        ExpectMsg("marker");
        Assert.False(sent.IsCancellationRequested);
        Assert.True(cancelled.IsCancellationRequested);
    }

    [Fact]
    public void The_scheduler_repeats_until_cancelled()
    {
        var repeating = Sys.Scheduler.ScheduleTellRepeatedly(s_second, s_second, TestActor, "tick", ActorRefs.NoSender);

        _clock.Advance(TimeSpan.FromSeconds(3));
        repeating.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(3));
        TestActor.Tell("marker", ActorRefs.NoSender);

        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("marker");
    }

    private IActorRef StartTimerActor()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor)));
        return actor;
    }

    private void AssertNextIsPong(IActorRef actor)
    {
        // Anything the timer had queued before this ping would arrive first.
        actor.Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    public sealed record Tick(string Name);

    public sealed record StartSingle(string Key, object Message, TimeSpan Delay);

    public sealed record StartPeriodic(string Key, object Message, TimeSpan Interval);

    public sealed record CancelTimer(string Key);

    public sealed record IsActive(string Key);

    public sealed record Block(ManualResetEventSlim Entered, ManualResetEventSlim Release);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _report;

        public TimerActor(IActorRef report)
        {
            _report = report;
            Receive<StartSingle>(m =>
            {
                Timers.StartSingleTimer(m.Key, m.Message, m.Delay);
                Sender.Tell("started");
            });
            Receive<StartPeriodic>(m =>
            {
                Timers.StartPeriodicTimer(m.Key, m.Message, m.Interval);
                Sender.Tell("started");
            });
            Receive<CancelTimer>(m =>
            {
                Timers.Cancel(m.Key);
                Sender.Tell("cancelled");
            });
            Receive<IsActive>(m => Sender.Tell(Timers.IsTimerActive(m.Key)));
            Receive<Block>(m =>
            {
                m.Entered.Set();
                m.Release.Wait(TimeSpan.FromSeconds(5));
            });
            Receive<Tick>(tick => report.Tell(tick));
            Receive<string>(_ => Sender.Tell("pong"), s => s == "ping");
            Receive<string>(_ => throw new InvalidOperationException("asked to fail"), s => s == "fail");
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PostRestart(Exception reason) => _report.Tell("restarted");
    }
}
