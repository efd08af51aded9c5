namespace AkkaZk.Actors;

/// <summary>Akka.NET's older name for <see cref="IWithStash"/>.</summary>
public interface IWithUnboundedStash : IWithStash;
