namespace AkkaZk.Actors;

/// <summary>The reply to an Ask did not arrive in time.</summary>
public sealed class AskTimeoutException(string message) : AkkaException(message);
