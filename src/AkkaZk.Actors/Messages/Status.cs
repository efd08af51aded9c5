namespace AkkaZk.Actors;

/// <summary>Replies that carry an outcome; <see cref="Futures.Ask{T}(IActorRef, object, TimeSpan)"/> turns a Failure into a faulted task.</summary>
public static class Status
{
    public sealed record Success(object? Status);

    public sealed record Failure(Exception Cause);
}
