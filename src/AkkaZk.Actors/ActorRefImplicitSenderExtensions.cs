using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

public static class ActorRefImplicitSenderExtensions
{
    /// <summary>
    /// Sends with the implicit sender, as Akka.NET does: the current actor's Self inside an actor,
    /// the TestKit's TestActor on a test's flow, and <see cref="ActorRefs.NoSender"/> anywhere else.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message) =>
        receiver.Tell(message, ImplicitSender.Current);

    /// <summary>Sends on behalf of the original sender, so replies skip the forwarder.</summary>
    public static void Forward(this IActorRef receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.CurrentSender);
}
