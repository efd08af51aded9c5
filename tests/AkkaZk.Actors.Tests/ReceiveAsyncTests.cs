using AkkaZk.TestKit;

namespace AkkaZk.Actors.Tests;

public sealed class ReceiveAsyncTests : TestKit.TestKit
{
    [Fact]
    public void Async_handlers_keep_message_order_and_Sender_after_await()
    {
        var probes = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToArray();
        var actor = ActorOf(Props.Create<Yielder>());

        for (int i = 0; i < 100; i++)
        {
            probes[i % 3].Send(actor, i);
        }

        for (int i = 0; i < 100; i++)
        {
            var reply = probes[i % 3].ExpectMsg<Yielder.Reply>();
            Assert.Equal(i, reply.N);
            Assert.True(reply.SameSender);
            Assert.True(reply.ContextIsSelf);
        }
    }

    [Fact]
    public void The_next_message_waits_until_the_async_handler_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = ActorOf(Props.Create(() => new Waiter(gate.Task)));

        actor.Tell("wait", TestActor);
        actor.Tell("check", TestActor);
        ExpectMsg("waiting");
        gate.SetResult();

        ExpectMsg("done waiting");
        ExpectMsg("gate was open: True");
    }

    private sealed class Yielder : ReceiveActor
    {
        public Yielder()
        {
            ReceiveAsync<int>(async n =>
            {
                var before = Sender;
                await Task.Yield();
                n = await Task.Run(() => n);
                await Task.Yield();
                Sender.Tell(new Reply(n, ReferenceEquals(before, Sender), Context.Self.Equals(Self)));
            });
        }

        public sealed record Reply(int N, bool SameSender, bool ContextIsSelf);
    }

    private sealed class Waiter : ReceiveActor
    {
        public Waiter(Task gate)
        {
            ReceiveAsync<string>(
                async _ =>
                {
                    Sender.Tell("waiting");
                    await gate;
                    Sender.Tell("done waiting");
                },
                s => s == "wait");
            Receive<string>(_ => Sender.Tell($"gate was open: {gate.IsCompleted}"));
        }
    }
}
