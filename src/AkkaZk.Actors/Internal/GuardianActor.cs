namespace AkkaZk.Actors.Internal;

/// <summary>The parent of top-level actors (<c>/user</c>); it supervises them with the default strategy.</summary>
internal sealed class GuardianActor : ActorBase
{
    public static readonly Props Props = Props.FromFactory(typeof(GuardianActor), static () => new GuardianActor());

    protected override bool Receive(object message) => false;
}
