using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

public static class ActorRefs
{
    /// <summary>Use as the sender when no reply is wanted; replies then go to dead letters.</summary>
    public static readonly IActorRef? NoSender = null;

    /// <summary>A reference that silently drops every message, for "no actor" placeholders.</summary>
    public static IActorRef Nobody => NobodyActorRef.Instance;
}
