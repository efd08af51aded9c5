namespace AkkaZk.Actors;

/// <summary>An actor with one handler for all messages; call <c>Unhandled(message)</c> for the ones it does not take.</summary>
public abstract class UntypedActor : ActorBase
{
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    protected abstract void OnReceive(object message);
}
