using System.Collections.Concurrent;
using System.Diagnostics;
using AkkaZk.Actors;
using AkkaZk.TestKit.Internal;

namespace AkkaZk.TestKit;

/// <summary>
/// Expectations on the messages that reach <see cref="TestActor"/>, shared by <see cref="TestKit"/> and
/// <see cref="TestProbe"/>. Timeouts default to <see cref="DefaultTimeout"/>; inside <see cref="Within(TimeSpan, Action)"/>
/// they are cut to the time the block has left.
/// </summary>
public abstract class TestKitBase
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(20);

    private readonly BlockingCollection<ReceivedMessage> _queue = [];

    // Stopwatch timestamp by which the innermost Within block must finish; 0 outside Within.
    private long _deadline;

    private protected TestKitBase(ActorSystem system, string? actorName, TimeSpan defaultTimeout)
    {
        Sys = system;
        DefaultTimeout = defaultTimeout;
        TestActor = system.ActorOf(Props.Create(() => new QueueingActor(_queue)), actorName);
        LastSender = system.DeadLetters;
    }

    public ActorSystem Sys { get; }

    /// <summary>Receives what the test expects; it is also the implicit sender of a <c>Tell</c> made by the test.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The sender of the last message an expectation took.</summary>
    public IActorRef LastSender { get; private set; }

    /// <summary>The last message an expectation took.</summary>
    public object? LastMessage { get; private set; }

    public TimeSpan DefaultTimeout { get; set; }

    /// <summary>The time left in the innermost Within block, or <see cref="DefaultTimeout"/> outside one.</summary>
    public TimeSpan RemainingOrDefault => TimeoutOrRemaining(null);

    public T ExpectMsg<T>(TimeSpan? timeout = null)
    {
        var wait = TimeoutOrRemaining(timeout);
        var received = TakeOrFail(wait, $"a message of type {typeof(T).Name}");
        return received.Message is T typed
            ? typed
            : throw Fail($"Expected a message of type {typeof(T).Name}, but received {Durations.Describe(received.Message)}");
    }

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var message = ExpectMsg<T>(timeout);
        return isMessage(message)
            ? message
            : throw Fail($"Received {Durations.Describe(message!)}, which does not match the expected {typeof(T).Name}");
    }

    /// <summary>Expects a message of type T and runs the assertion on it.</summary>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assert);
        var message = ExpectMsg<T>(timeout);
        assert(message);
        return message;
    }

    /// <summary>Expects a message equal to <paramref name="message"/>.</summary>
    public T ExpectMsg<T>(T message, TimeSpan? timeout = null)
    {
        var wait = TimeoutOrRemaining(timeout);
        var received = TakeOrFail(wait, $"{message} ({typeof(T).Name})");
        return received.Message is T typed && EqualityComparer<T>.Default.Equals(typed, message)
            ? typed
            : throw Fail($"Expected {message} ({typeof(T).Name}), but received {Durations.Describe(received.Message)}");
    }

    /// <summary>Expects the Terminated of an actor watched with <see cref="Watch"/>.</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var wait = TimeoutOrRemaining(timeout);
        var received = TakeOrFail(wait, $"Terminated of {target.Path}");
        return received.Message is Terminated terminated && Equals(terminated.ActorRef, target)
            ? terminated
            : throw Fail($"Expected Terminated of {target.Path}, but received {Durations.Describe(received.Message)}");
    }

    /// <summary>Fails if any message arrives during <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        var wait = TimeoutOrRemaining(duration);
        if (TryTake(wait, out var received))
        {
            throw Fail($"Expected no message for {Durations.Format(wait)}, but received {Durations.Describe(received.Message)}");
        }
    }

    /// <summary>The next message, or null if none arrives in time.</summary>
    public object? ReceiveOne(TimeSpan? timeout = null) =>
        TryTake(TimeoutOrRemaining(timeout), out var received) ? received.Message : null;

    /// <summary>Skips messages until one matches; fails if none does in time.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var wait = TimeoutOrRemaining(max);
        var start = Stopwatch.GetTimestamp();
        var skipped = new List<string>();
        while (true)
        {
            var left = wait - Stopwatch.GetElapsedTime(start);
            if (!TryTake(left < TimeSpan.Zero ? TimeSpan.Zero : left, out var received))
            {
                var seen = skipped.Count == 0 ? "nothing" : string.Join(", ", skipped);
                throw Fail($"Timeout ({Durations.Format(wait)}) while fishing for a matching message; received {seen}");
            }

            if (isMessage(received.Message))
            {
                return received.Message;
            }

            skipped.Add(Durations.Describe(received.Message));
        }
    }

    /// <summary>Skips messages until one of type T matches.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return (T)FishForMessage(m => m is T typed && isMessage(typed), max);
    }

    /// <summary>Retries the assertion until it passes; at the deadline the last failure is rethrown.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var wait = TimeoutOrRemaining(duration);
        var step = interval ?? s_pollInterval;
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetElapsedTime(start) < wait)
            {
                Pause(step, wait - Stopwatch.GetElapsedTime(start));
            }
        }
    }

    /// <summary>Waits until the condition holds; fails at the deadline.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = TimeoutOrRemaining(max);
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            var left = wait - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                throw Fail($"Timeout ({Durations.Format(wait)}) while waiting for a condition");
            }

            Pause(s_pollInterval, left);
        }
    }

    /// <summary>Runs the block and fails if it took longer than <paramref name="max"/>; expectations inside get only the time left.</summary>
    public void Within(TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(max, () =>
        {
            action();
            return true;
        });
    }

    public T Within<T>(TimeSpan max, Func<T> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var start = Stopwatch.GetTimestamp();
        var outer = _deadline;
        var deadline = start + (long)(max.TotalSeconds * Stopwatch.Frequency);
        _deadline = outer != 0 && outer < deadline ? outer : deadline;
        T result;
        try
        {
            result = f();
        }
        finally
        {
            _deadline = outer;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return elapsed <= max
            ? result
            : throw Fail($"Within({Durations.Format(max)}): the block took {Durations.Format(elapsed)}, longer than allowed");
    }

    /// <summary>Makes <see cref="TestActor"/> watch the actor, so its Terminated can be expected.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        TestActor.Tell(new QueueingActor.WatchRequest(actor), ActorRefs.NoSender);
        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        TestActor.Tell(new QueueingActor.UnwatchRequest(actor), ActorRefs.NoSender);
        return actor;
    }

    public TestProbe CreateTestProbe(string? name = null) => new(Sys, name, DefaultTimeout);

    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    private protected static TestKitAssertionException Fail(string message) => new(message);

    /// <summary>The polling step of AwaitAssert and AwaitCondition: they have nothing to wait on but time.</summary>
    private static void Pause(TimeSpan step, TimeSpan left)
    {
        var pause = step < left ? step : left;
        if (pause > TimeSpan.Zero)
        {
            Thread.Sleep(pause);
        }
    }

    private TimeSpan TimeoutOrRemaining(TimeSpan? timeout)
    {
        var wait = timeout ?? DefaultTimeout;
        if (_deadline != 0)
        {
            var left = TimeSpan.FromSeconds((_deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            wait = timeout is null || left < wait ? left : wait;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private ReceivedMessage TakeOrFail(TimeSpan wait, string expected) =>
        TryTake(wait, out var received)
            ? received
            : throw Fail($"Timeout ({Durations.Format(wait)}) while waiting for {expected}");

    private bool TryTake(TimeSpan wait, out ReceivedMessage received)
    {
        if (!_queue.TryTake(out received!, wait))
        {
            return false;
        }

        LastSender = received.Sender;
        LastMessage = received.Message;
        return true;
    }
}
