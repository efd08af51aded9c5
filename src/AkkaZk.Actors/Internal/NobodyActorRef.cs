namespace AkkaZk.Actors.Internal;

internal sealed class NobodyActorRef : MinimalActorRef
{
    public static readonly NobodyActorRef Instance = new();

    private static readonly ActorPath s_path = ActorPath.Root("all-systems") / "Nobody";

    private NobodyActorRef()
    {
    }

    public override ActorPath Path => s_path;

    public override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender)
    {
        // Nobody is a placeholder that by definition has no one to deliver to.
    }
}
