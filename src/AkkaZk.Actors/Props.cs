using System.Linq.Expressions;
using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>How to create (and re-create, on restart) an actor.</summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type type, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        Type = type;
        _factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The actor's class; it also names the actor's logger.</summary>
    public Type Type { get; }

    /// <summary>When set, the actor supervises its children with this instead of its own SupervisorStrategy().</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>
    /// Creates actors with the given constructor call, e.g. <c>Props.Create(() => new Session(id, tree))</c>. As in
    /// Akka.NET, the arguments are evaluated now, once: each incarnation of the actor gets the same values.
    /// </summary>
    public static Props Create<TActor>(Expression<Func<TActor>> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        var type = factory.Body is NewExpression created ? created.Type : typeof(TActor);
        return new Props(type, ActorFactories.FromExpression(factory), null);
    }

    public static Props Create<TActor>()
        where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), null);

    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(Type, _factory, strategy);
    }

    internal ActorBase NewActor() => _factory();

    /// <summary>For the kernel's own actors, which need no expression.</summary>
    internal static Props FromFactory(Type type, Func<ActorBase> factory) => new(type, factory, null);

    public override string ToString() => $"Props({Type.Name})";
}
