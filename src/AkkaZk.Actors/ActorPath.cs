namespace AkkaZk.Actors;

/// <summary>The location of an actor in its system's hierarchy, e.g. <c>akka://sys/user/peer/session-1</c>.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _full;

    private ActorPath(string address, ActorPath? parent, string name)
    {
        Address = address;
        Parent = parent;
        Name = name;
        _full = parent is null ? address : parent.IsRoot ? $"{address}/{name}" : $"{parent._full}/{name}";
    }

    /// <summary>The system part, e.g. <c>akka://sys</c>.</summary>
    public string Address { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    public ActorPath? Parent { get; }

    public bool IsRoot => Parent is null;

    public static ActorPath Root(string systemName) => new($"akka://{systemName}", null, "");

    public ActorPath Child(string name) => new(Address, this, name);

    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>The path without the address, e.g. <c>/user/peer</c>.</summary>
    public string ToStringWithoutAddress() => IsRoot ? "/" : _full[Address.Length..];

    public override string ToString() => _full;

    public bool Equals(ActorPath? other) => other is not null && string.Equals(_full, other._full, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_full);
}
