using AkkaZk.Hocon.Resolution;
using AkkaZk.Hocon.Syntax;

namespace AkkaZk.Hocon;

/// <summary>
/// Builds a <see cref="Config"/> from values made in code, each with its own origin; used to turn other
/// formats (ZooKeeper's zoo.cfg) into HOCON while keeping "file:line" in error messages.
/// Setting a path twice follows HOCON's rules: objects merge, anything else replaces.
/// </summary>
public sealed class ConfigBuilder
{
    private readonly HoconObject _root;

    /// <param name="originFile">Named by "No configuration setting found" errors of the built config.</param>
    public ConfigBuilder(string? originFile = null) => _root = new HoconObject(new HoconOrigin(originFile, 0));

    /// <summary>Sets a value by path expression (<c>a.b</c>, <c>properties."zookeeper.x"</c>).</summary>
    public ConfigBuilder Set(string path, HoconValue value) => Set(HoconPath.Split(path), value);

    /// <summary>Sets a value by path segments, each taken literally (dots included).</summary>
    public ConfigBuilder Set(IReadOnlyList<string> path, HoconValue value)
    {
        if (path.Count == 0)
        {
            throw new ArgumentException("A path needs at least one segment", nameof(path));
        }

        HoconTreeMerge.Set(_root, path, value, value.Origin);
        return this;
    }

    public Config Build() => new(HoconResolver.Resolve(_root, _ => null));
}
