namespace AkkaZk.Actors.Internal;

/// <summary>Lifecycle and supervision traffic; it has its own queue and always goes before user messages.</summary>
internal abstract class SystemMessage;
