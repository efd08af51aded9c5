namespace AkkaZk.Actors.Internal;

/// <summary>
/// Installed while a ReceiveAsync handler runs, so that each await resumes as a message to the actor: continuations
/// run one at a time, with Self, Sender and Context valid, as Akka.NET's actor task scheduler does.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell, int generation) : SynchronizationContext
{
    public int Generation { get; } = generation;

    public override void Post(SendOrPostCallback d, object? state) =>
        cell.SelfRef.SendSystemMessage(new SystemMessages.AsyncContinuation(this, d, state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!ReferenceEquals(ActorCell.Current, cell))
        {
            throw new NotSupportedException("Send on an actor's synchronization context works only during the actor's turn");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;

    public void Completed(Task task) => cell.SelfRef.SendSystemMessage(new SystemMessages.AsyncCompleted(this, task));
}
