using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class OrderingTests : TestKit.TestKit
{
    [Fact]
    public void Ten_thousand_messages_from_one_sender_arrive_in_order()
    {
        const int count = 10_000;
        var recorder = ActorOf(Props.Create(() => new Recorder(TestActor, count)));

        for (int i = 0; i < count; i++)
        {
            recorder.Tell(i, TestActor);
        }

        Assert.Equal(Enumerable.Range(0, count), ExpectMsg<int[]>());
    }

    [Fact]
    public async Task Messages_from_each_of_several_concurrent_senders_arrive_in_that_senders_order()
    {
        const int senders = 4;
        const int perSender = 2_500;
        var checker = ActorOf(Props.Create(() => new PerSenderOrderChecker(TestActor, senders * perSender)));
        var senderRefs = Enumerable.Range(0, senders).Select(i => CreateTestProbe().Ref).ToArray();

        var sending = senderRefs.Select(sender => Task.Run(() =>
        {
            for (int seq = 0; seq < perSender; seq++)
            {
                checker.Tell(seq, sender);
            }
        })).ToArray();

        await Task.WhenAll(sending).WaitAsync(DefaultTimeout);
        var report = ExpectMsg<PerSenderOrderChecker.Report>();
        Assert.Equal(0, report.OutOfOrder);
        Assert.Equal(senders, report.Senders);
    }

    [Fact]
    public async Task An_actor_never_processes_two_messages_at_once()
    {
        const int threads = 4;
        const int perThread = 2_500;
        var actor = ActorOf(Props.Create(() => new OverlapDetector(TestActor, threads * perThread)));

        var sending = Enumerable.Range(0, threads)
            .Select(_ => Task.Run(() =>
            {
                for (int i = 0; i < perThread; i++)
                {
                    actor.Tell(i, ActorRefs.NoSender);
                }
            }))
            .ToArray();

        await Task.WhenAll(sending).WaitAsync(DefaultTimeout);
        var report = ExpectMsg<OverlapDetector.Report>();
        Assert.Equal(0, report.Overlaps);
        Assert.Equal(threads * perThread, report.Processed);
    }

    private sealed class Recorder : ReceiveActor
    {
        private readonly List<int> _seen = [];

        public Recorder(IActorRef report, int expected)
        {
            Receive<int>(n =>
            {
                _seen.Add(n);
                if (_seen.Count == expected)
                {
                    report.Tell(_seen.ToArray(), Self);
                }
            });
        }
    }

    private sealed class PerSenderOrderChecker : ReceiveActor
    {
        private readonly Dictionary<IActorRef, int> _next = [];
        private int _received;
        private int _outOfOrder;

        public PerSenderOrderChecker(IActorRef report, int expected)
        {
            Receive<int>(seq =>
            {
                _outOfOrder += _next.GetValueOrDefault(Sender) == seq ? 0 : 1;
                _next[Sender] = seq + 1;
                if (++_received == expected)
                {
                    report.Tell(new Report(_outOfOrder, _next.Count), Self);
                }
            });
        }

        public sealed record Report(int OutOfOrder, int Senders);
    }

    private sealed class OverlapDetector : ReceiveActor
    {
        private int _inside;
        private int _overlaps;
        private int _processed;

        public OverlapDetector(IActorRef report, int expected)
        {
            Receive<int>(_ =>
            {
                if (Interlocked.Increment(ref _inside) > 1)
                {
                    Interlocked.Increment(ref _overlaps);
                }

                // Widen the window in which a second turn would overlap.
                Thread.SpinWait(50);
                _processed++;
                Interlocked.Decrement(ref _inside);
                if (_processed == expected)
                {
                    report.Tell(new Report(_overlaps, _processed), Self);
                }
            });
        }

        public sealed record Report(int Overlaps, int Processed);
    }
}
