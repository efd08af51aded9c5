namespace AkkaZk.DataTree;

/// <summary>
/// Compares child nodes by their own name, and looks them up by a name span: a large <see cref="ChildSet"/> is a
/// set of nodes rather than a name → node dictionary, so each child costs one reference in it, not two.
/// </summary>
internal sealed class ChildNameComparer : IEqualityComparer<DataNode>, IAlternateEqualityComparer<ReadOnlySpan<char>, DataNode>
{
    public static readonly ChildNameComparer Instance = new();

    private ChildNameComparer()
    {
    }

    public bool Equals(DataNode? x, DataNode? y) => ReferenceEquals(x, y) || (x is not null && y is not null && string.Equals(x.Name, y.Name, StringComparison.Ordinal));

    public int GetHashCode(DataNode node) => string.GetHashCode(node.Name.AsSpan());

    public bool Equals(ReadOnlySpan<char> name, DataNode node) => name.SequenceEqual(node.Name);

    public int GetHashCode(ReadOnlySpan<char> name) => string.GetHashCode(name);

    /// <summary>Never used: children are added as nodes, only looked up and removed by name.</summary>
    public DataNode Create(ReadOnlySpan<char> name) => throw new NotSupportedException("children are added as nodes");
}
