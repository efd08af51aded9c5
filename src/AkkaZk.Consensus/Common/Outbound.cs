namespace AkkaZk.Consensus;

/// <summary>A message for one peer.</summary>
public sealed record Outbound<TMessage>(long To, TMessage Message)
{
    public override string ToString() => $"->{To} {Message}";
}
