using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>Stops the receiving actor once the messages queued before it are processed.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill()
    {
    }

    public override string ToString() => "<PoisonPill>";
}
