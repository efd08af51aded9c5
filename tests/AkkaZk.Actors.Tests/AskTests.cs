using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class AskTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _clock;

    public AskTests()
        : this(new ManualTimeProvider())
    {
    }

    private AskTests(ManualTimeProvider clock)
        : base(new ActorSystemSettings(TimeProvider: clock))
    {
        _clock = clock;
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var responder = ActorOf(Props.Create<Responder>());

        var reply = await responder.Ask<string>("hello", TimeSpan.FromSeconds(3));

        Assert.Equal("hello back", reply);
    }

    [Fact]
    public async Task Ask_times_out_when_no_reply_comes()
    {
        var responder = ActorOf(Props.Create<Responder>());

        var asking = responder.Ask<string>("silence", TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
        Assert.Contains(responder.Path.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_task_with_its_cause()
    {
        var responder = ActorOf(Props.Create<Responder>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => responder.Ask<string>("fail", TimeSpan.FromSeconds(3)));

        Assert.Equal("refused", error.Message);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_is_an_InvalidCastException()
    {
        var responder = ActorOf(Props.Create<Responder>());

        await Assert.ThrowsAsync<InvalidCastException>(() => responder.Ask<int>("hello", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void PipeTo_sends_the_result_or_a_Status_Failure()
    {
        Task.FromResult(5).PipeTo(TestActor);
        Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor);
        Task.FromResult(6).PipeTo(TestActor, success: n => $"mapped {n}");

        var first = new[] { ReceiveOne(), ReceiveOne(), ReceiveOne() };
        Assert.Contains(5, first);
        Assert.Contains("mapped 6", first);
        Assert.Contains(first, m => m is Status.Failure { Cause.Message: "bad" });
    }

    [Fact]
    public void An_actor_can_ask_another_inside_ReceiveAsync_and_reply_to_its_own_sender()
    {
        var responder = ActorOf(Props.Create<Responder>());
        var middle = ActorOf(Props.Create(() => new Middle(responder)));

        middle.Tell("hello", TestActor);

        ExpectMsg("middle got: hello back");
    }

    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(_ => { }, s => s == "silence");
            Receive<string>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("refused"))), s => s == "fail");
            Receive<string>(s => Sender.Tell($"{s} back"));
        }
    }

    private sealed class Middle : ReceiveActor
    {
        public Middle(IActorRef responder)
        {
            ReceiveAsync<string>(async s =>
            {
                var answer = await responder.Ask<string>(s, Timeout.InfiniteTimeSpan);
                Sender.Tell($"middle got: {answer}");
            });
        }
    }
}
