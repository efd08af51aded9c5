using AkkaZk.Actors;

namespace AkkaZk.TestKit;

/// <summary>A stand-in actor for a test: hand its <see cref="Ref"/> to the actor under test and expect what it is sent.</summary>
public sealed class TestProbe : TestKitBase
{
    private static int s_count;

    public TestProbe(ActorSystem system, string? name = null, TimeSpan? defaultTimeout = null)
        : base(system, name ?? $"testProbe-{Interlocked.Increment(ref s_count)}", defaultTimeout ?? TimeSpan.FromSeconds(3))
    {
    }

    public IActorRef Ref => TestActor;

    /// <summary>Answers the sender of the last message taken.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Passes the last message taken on to <paramref name="to"/>, keeping its original sender.</summary>
    public void Forward(IActorRef to) =>
        to.Tell(LastMessage ?? throw new InvalidOperationException("The probe has taken no message to forward"), LastSender);

    public void Forward(IActorRef to, object message) => to.Tell(message, LastSender);

    /// <summary>Sends with the probe as sender, so the reply comes back to it.</summary>
    public void Send(IActorRef to, object message) => to.Tell(message, Ref);

    public override string ToString() => $"TestProbe({Ref.Path})";
}
