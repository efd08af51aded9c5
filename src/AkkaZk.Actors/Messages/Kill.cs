using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/>, handing it to its supervisor.</summary>
public sealed class Kill : IAutoReceivedMessage
{
    public static readonly Kill Instance = new();

    private Kill()
    {
    }

    public override string ToString() => "<Kill>";
}
