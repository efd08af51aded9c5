namespace AkkaZk.Actors.Internal;

internal sealed partial class ActorCell
{
    private readonly Dictionary<string, ChildEntry> _children = new(StringComparer.Ordinal);
    private int _nextChildName;

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = ActorNames.Auto(Interlocked.Increment(ref _nextChildName) - 1);
        }
        else
        {
            ActorNames.Validate(name);
        }

        ActorCell child;
        lock (_children)
        {
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique among the children of [{_self.Path}]");
            }

            child = new ActorCell(System, props, _self, _self.Path / name);
            if (_terminating)
            {
                child.StartDead();
                return child.Self;
            }

            _children.Add(name, new ChildEntry(child.SelfRef));
        }

        child.Start();
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not InternalActorRef target)
        {
            return;
        }

        if (actor is LocalActorRef local && TryGetChild(local, out var entry))
        {
            lock (_children)
            {
                entry.Stopping = true;
            }
        }

        target.SendSystemMessage(SystemMessages.Terminate.Instance);
    }

    public IEnumerable<IActorRef> GetChildren()
    {
        lock (_children)
        {
            return _children.Values.Select(c => (IActorRef)c.Ref).ToArray();
        }
    }

    public IActorRef? Child(string name)
    {
        lock (_children)
        {
            return _children.TryGetValue(name, out var entry) ? entry.Ref : null;
        }
    }

    internal List<ChildEntry> ChildEntries()
    {
        lock (_children)
        {
            return [.. _children.Values];
        }
    }

    private bool TryGetChild(IActorRef actor, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChildEntry? entry)
    {
        lock (_children)
        {
            return _children.TryGetValue(actor.Path.Name, out entry) && ReferenceEquals(entry.Ref, actor);
        }
    }

    /// <summary>Frees the child's name; true if it was ours.</summary>
    private bool RemoveChild(IActorRef actor)
    {
        lock (_children)
        {
            if (_children.TryGetValue(actor.Path.Name, out var entry) && ReferenceEquals(entry.Ref, actor))
            {
                _children.Remove(actor.Path.Name);
                return true;
            }

            return false;
        }
    }

    private bool HasStoppingChildren()
    {
        lock (_children)
        {
            return _children.Values.Any(c => c.Stopping);
        }
    }

    private bool HasChildren()
    {
        lock (_children)
        {
            return _children.Count > 0;
        }
    }

    private void TellChildren(SystemMessage message)
    {
        foreach (var child in ChildEntries())
        {
            child.Ref.SendSystemMessage(message);
        }
    }
}
