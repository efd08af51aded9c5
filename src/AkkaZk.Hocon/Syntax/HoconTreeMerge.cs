using AkkaZk.Hocon.Unresolved;

namespace AkkaZk.Hocon.Syntax;

/// <summary>
/// How a field written again combines with what is already there (HOCON's duplicate-key rules): two objects
/// merge key by key, anything else replaces, and a value still waiting for substitution keeps the replaced
/// value as its prior (see <see cref="HoconMerge"/>).
/// </summary>
internal static class HoconTreeMerge
{
    public static void Set(HoconObject target, IReadOnlyList<string> path, HoconValue value, HoconOrigin origin)
    {
        var current = target;
        for (var i = 0; i < path.Count - 1; i++)
        {
            current = ChildObject(current, path[i], origin);
        }

        var key = path[^1];
        current.SetField(key, Merge(value, current.GetField(key)));
    }

    /// <summary>Lays <paramref name="later"/> over <paramref name="earlier"/>; may update objects in place.</summary>
    public static HoconValue Merge(HoconValue later, HoconValue? earlier)
    {
        if (earlier is null)
        {
            return later;
        }

        switch (later)
        {
            case HoconObject laterObject when earlier is HoconObject earlierObject:
                foreach (var (key, value) in laterObject.Fields)
                {
                    earlierObject.SetField(key, Merge(value, earlierObject.GetField(key)));
                }

                return earlierObject;
            case HoconObject laterObject when earlier is HoconMerge:
                // The earlier value may still resolve to an object this one must merge over.
                return new HoconMerge(laterObject, earlier);
            case HoconMerge merge:
                merge.Prior = merge.Prior is null ? earlier : Merge(merge.Prior, earlier);
                return merge;
            default:
                return later;
        }
    }

    // a.b = 1 after a = ${x}: the new object for "a" goes on top of the pending value, and a later a.c = 2
    // must land in that same top layer rather than start another one.
    private static HoconObject ChildObject(HoconObject parent, string key, HoconOrigin origin)
    {
        var existing = parent.GetField(key);
        switch (existing)
        {
            case HoconObject child:
                return child;
            case HoconMerge { Value: HoconObject top }:
                return top;
            default:
                var created = new HoconObject(origin);
                parent.SetField(key, Merge(created, existing));
                return created;
        }
    }
}
