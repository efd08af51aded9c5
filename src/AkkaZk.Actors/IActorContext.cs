using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors;

/// <summary>What an actor can do while it processes a message or runs a lifecycle hook.</summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the current message; dead letters if it had none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    ActorSystem System { get; }

    /// <summary>The actor's logger; its category is the actor's class.</summary>
    ILogger Log { get; }

    /// <summary>Creates a child. Names must be unique among children not yet terminated; null generates <c>$a</c>, <c>$b</c>, ….</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops an actor (usually a child, or Self) asynchronously: its children first, then PostStop.</summary>
    void Stop(IActorRef child);

    /// <summary>Asks for a <see cref="Terminated"/> when the subject stops (at once if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; a Terminated already queued for the subject is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    IEnumerable<IActorRef> GetChildren();

    /// <summary>The child with that name, or null.</summary>
    IActorRef? Child(string name);
}
