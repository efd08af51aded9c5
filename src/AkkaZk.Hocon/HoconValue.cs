namespace AkkaZk.Hocon;

/// <summary>
/// A node of a HOCON document. Only resolved kinds are public (<see cref="HoconObject"/>, <see cref="HoconArray"/>,
/// <see cref="HoconScalar"/>); substitutions and concatenations exist only between parsing and resolution.
/// </summary>
public abstract class HoconValue
{
    // private protected: the set of node kinds is closed, the resolver relies on knowing all of them.
    private protected HoconValue(HoconOrigin origin) => Origin = origin;

    public HoconOrigin Origin { get; }

    /// <summary>How the value reads in an error message: <c>"abc"</c>, <c>an object</c>, <c>a list</c>.</summary>
    internal abstract string Describe();

    public override string ToString() => HoconRenderer.Render(this);
}
