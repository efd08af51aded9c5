namespace AkkaZk.Actors.Internal;

/// <summary>Marks messages the kernel handles itself before the actor sees them, so the hot path needs one type test.</summary>
internal interface IAutoReceivedMessage;
