namespace AkkaZk.Hocon.Unresolved;

/// <summary><c>${path}</c> or <c>${?path}</c>, looked up against the document root once parsing is complete.</summary>
internal sealed class HoconSubstitution(IReadOnlyList<string> path, bool isOptional, HoconOrigin origin)
    : HoconValue(origin)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool IsOptional { get; } = isOptional;

    /// <summary>The variable name tried when the path is absent: the segments joined as written, e.g. <c>ZK_PORT</c>.</summary>
    public string EnvironmentName => string.Join('.', Path);

    internal override string Describe() => $"${{{(IsOptional ? "?" : "")}{HoconPath.Render(Path)}}}";
}
