using AkkaZk.Hocon.Unresolved;

namespace AkkaZk.Hocon.Resolution;

/// <summary>
/// Replaces substitutions with the values they name, once the whole document (and its includes) is parsed.
/// Each node is resolved once and memoised. A lookup that reaches a field still being resolved sees that
/// field's prior value instead: that is what makes <c>a = ${a} [x]</c> and <c>a += x</c> work, and a true
/// cycle end in an error naming the substitution.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _active = new(ReferenceEqualityComparer.Instance);

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?> environment) =>
        (HoconObject)new HoconResolver(root, environment).Resolve(root)!;

    /// <summary>The resolved value, or null when it is undefined (an optional substitution that found nothing).</summary>
    private HoconValue? Resolve(HoconValue node)
    {
        if (node is HoconScalar or HoconWhitespace or HoconObject { IsResolved: true } or HoconArray { IsResolved: true })
        {
            return node;
        }

        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        if (!_active.Add(node))
        {
            throw new HoconException("Substitution cycle: this value refers back to itself", null, node.Origin);
        }

        try
        {
            var result = node switch
            {
                HoconObject o => ResolveObject(o),
                HoconArray a => new HoconArray(a.Items.Select(Resolve).OfType<HoconValue>(), a.Origin) { IsResolved = true },
                HoconMerge m => ResolveMerge(m),
                HoconSubstitution s => ResolveSubstitution(s),
                HoconConcatenation c => HoconConcatenator.Join([.. c.Parts.Select(Resolve).OfType<HoconValue>()], c.Origin),
                _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}"),
            };
            _resolved[node] = result;
            return result;
        }
        finally
        {
            _active.Remove(node);
        }
    }

    private HoconObject ResolveObject(HoconObject source)
    {
        var result = new HoconObject(source.Origin) { IsResolved = true };
        foreach (var (key, value) in source.Fields)
        {
            if (Resolve(value) is { } resolved)
            {
                result.SetField(key, resolved);
            }
        }

        return result;
    }

    private HoconValue? ResolveMerge(HoconMerge merge)
    {
        var value = Resolve(merge.Value);
        if (value is null)
        {
            // port = 2181, port = ${?PORT}: an undefined optional substitution keeps the earlier value.
            return merge.Prior is null ? null : Resolve(merge.Prior);
        }

        if (value is HoconObject later && merge.Prior is not null && Resolve(merge.Prior) is HoconObject earlier)
        {
            return HoconFallback.Merge(later, earlier);
        }

        return value;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution)
    {
        var found = Lookup(substitution);
        if (found is null && _environment(substitution.EnvironmentName) is { } variable)
        {
            found = new HoconScalar(variable, HoconScalarKind.String, substitution.Origin);
        }

        if (found is null && !substitution.IsOptional)
        {
            throw new HoconException($"Could not resolve substitution {substitution.Describe()}: no such setting or environment variable", null, substitution.Origin);
        }

        return found;
    }

    private HoconValue? Lookup(HoconSubstitution substitution)
    {
        HoconValue current = _root;
        foreach (var segment in substitution.Path)
        {
            if (Settle(current, substitution, isTarget: false) is not HoconObject parent || parent.GetField(segment) is not { } child)
            {
                return null;
            }

            current = child;
        }

        return Settle(current, substitution, isTarget: true);
    }

    // Walking through an object needs only its raw fields, even while it is being resolved; anything else on
    // the way, and the target itself, must be resolved first.
    private HoconValue? Settle(HoconValue node, HoconSubstitution substitution, bool isTarget)
    {
        while (_active.Contains(node))
        {
            switch (node)
            {
                case HoconMerge { Prior: null }:
                    return null;
                case HoconMerge { Prior: { } prior }:
                    node = prior;
                    break;
                case HoconObject when !isTarget:
                    return node;
                default:
                    throw new HoconException($"Substitution cycle: {substitution.Describe()} refers back to itself", null, substitution.Origin);
            }
        }

        return node is HoconObject && !isTarget ? node : Resolve(node);
    }
}
