using System.Diagnostics;
using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class TestKitTests : TestKit.TestKit
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ExpectMsg_timeout_says_what_was_expected()
    {
        var error = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(s_short));

        Assert.Equal("Timeout (100ms) while waiting for a message of type String", error.Message);
    }

    [Fact]
    public void An_explicit_timeout_inside_Within_is_kept_when_shorter()
    {
        DefaultTimeout = TimeSpan.FromMilliseconds(1500);

        var error = Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromSeconds(5), () => ExpectMsg<int>(s_short)));

        Assert.Equal("Timeout (100ms) while waiting for a message of type Int32", error.Message);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RemainingOrDefault);
    }

    [Fact]
    public void ExpectMsg_reports_what_arrived_instead()
    {
        TestActor.Tell(42, ActorRefs.NoSender);
        TestActor.Tell("other", ActorRefs.NoSender);

        var wrongType = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());
        var wrongValue = Assert.Throws<TestKitAssertionException>(() => ExpectMsg("expected"));

        Assert.Equal("Expected a message of type String, but received Int32: 42", wrongType.Message);
        Assert.Equal("Expected expected (String), but received String: other", wrongValue.Message);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_or_an_assertion_checks_the_message()
    {
        TestActor.Tell("abc", ActorRefs.NoSender);
        TestActor.Tell("xyz", ActorRefs.NoSender);
        TestActor.Tell("def", ActorRefs.NoSender);

        Assert.Equal("abc", ExpectMsg<string>(s => s.StartsWith('a')));
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(s => s.StartsWith('a')));
        ExpectMsg<string>(s => Assert.Equal("def", s));
    }

    [Fact]
    public void ExpectNoMsg_passes_on_silence_and_fails_on_a_message()
    {
        ExpectNoMsg(s_short);

        // A long window, so a busy thread pool cannot delay the message past it; the failure comes as soon as it arrives.
        TestActor.Tell("noise", ActorRefs.NoSender);
        var error = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromSeconds(5)));

        Assert.Equal("Expected no message for 5s, but received String: noise", error.Message);
    }

    [Fact]
    public void FishForMessage_skips_until_a_match()
    {
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            TestActor.Tell(n, ActorRefs.NoSender);
        }

        Assert.Equal(3, FishForMessage<int>(n => n > 2));
        Assert.Equal(4, FishForMessage(m => m is 4));
        var error = Assert.Throws<TestKitAssertionException>(() => FishForMessage(m => m is 99, s_short));
        Assert.StartsWith("Timeout (100ms) while fishing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_fails_when_the_block_is_too_slow()
    {
        var error = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromMilliseconds(20), () => SpinWait.SpinUntil(() => false, TimeSpan.FromMilliseconds(80))));

        Assert.StartsWith("Within(20ms): the block took", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_gives_nested_expectations_only_the_remaining_time()
    {
        TestActor.Tell("quick", ActorRefs.NoSender);

        var (message, remaining) = Within(TimeSpan.FromSeconds(1), () => (ExpectMsg<string>(), RemainingOrDefault));

        Assert.Equal("quick", message);
        Assert.InRange(remaining, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_passes()
    {
        int attempts = 0;

        AwaitAssert(() => Assert.True(++attempts >= 3), interval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public void AwaitAssert_rethrows_the_last_failure_at_the_deadline()
    {
        int attempts = 0;
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<InvalidOperationException>(() =>
            AwaitAssert(() => throw new InvalidOperationException($"attempt {++attempts}"), s_short, TimeSpan.FromMilliseconds(10)));

        Assert.Equal($"attempt {attempts}", error.Message);
        Assert.True(attempts > 1);
        Assert.True(watch.Elapsed < DefaultTimeout);
    }

    [Fact]
    public void AwaitCondition_waits_for_actor_state()
    {
        var counter = 0;
        var actor = ActorOf(Props.Create(() => new Incrementer(() => Interlocked.Increment(ref counter))));
        for (int i = 0; i < 5; i++)
        {
            actor.Tell("inc", ActorRefs.NoSender);
        }

        AwaitCondition(() => Volatile.Read(ref counter) == 5);
        Assert.Throws<TestKitAssertionException>(() => AwaitCondition(() => false, s_short));
    }

    [Fact]
    public void A_probe_can_send_reply_and_forward()
    {
        var probe = CreateTestProbe("probe");
        var other = CreateTestProbe();

        probe.Send(TestActor, "from probe");
        ExpectMsg("from probe");
        Assert.Same(probe.Ref, LastSender);

        probe.Ref.Tell("question", TestActor);
        probe.ExpectMsg("question");
        probe.Reply("answer");
        ExpectMsg("answer");

        probe.Ref.Tell("pass on", TestActor);
        probe.ExpectMsg("pass on");
        probe.Forward(other.Ref);
        other.ExpectMsg("pass on");
        Assert.Same(TestActor, other.LastSender);
        Assert.Equal("akka://test/user/probe", probe.Ref.Path.ToString());
    }

    [Fact]
    public void A_probe_can_watch_and_expect_Terminated()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        probe.Watch(target.Ref);

        Sys.Stop(target.Ref);

        probe.ExpectTerminated(target.Ref);
    }

    private sealed class Incrementer : ReceiveActor
    {
        public Incrementer(Action increment) => ReceiveAny(_ => increment());
    }
}
