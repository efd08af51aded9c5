using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>A parent beyond the small-array limit keeps its children in a set looked up by name.</summary>
public sealed class LargeChildSetTests
{
    [Fact]
    public void Many_children_are_listed_found_deleted_and_recreated_by_name()
    {
        var h = new Harness();
        h.Create("/p");
        var names = Enumerable.Range(0, 50).Select(i => $"child-{i:D3}").ToList();
        foreach (var name in names) h.Create($"/p/{name}", name);

        // Before any removal the set lists children in creation order.
        Assert.Equal(names, Children(h, "/p"));

        foreach (var name in names.Where((_, i) => i % 3 == 0)) Assert.Equal(ErrorCode.Ok, h.Delete($"/p/{name}").Err);
        var left = names.Where((_, i) => i % 3 != 0).ToList();
        Assert.Equal(left.Order(StringComparer.Ordinal), Children(h, "/p").Order(StringComparer.Ordinal));
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.Delete("/p/child-000", -1)));
        Assert.Equal(ErrorCode.NodeExists, h.Err(new PrepOp.Create(OpCode.Create, "/p/child-001", null, Acl.OpenAclUnsafe, 0, -1)));

        h.Create("/p/child-000", "again");
        Assert.Equal(ErrorCode.Ok, h.Tree.GetData("/p/child-000", null, Harness.NoAuth, out var data, out _));
        Assert.Equal("again", System.Text.Encoding.UTF8.GetString(data!));
        Assert.Equal(left.Count + 1, h.Stat("/p").NumChildren);
    }

    private static IReadOnlyList<string> Children(Harness h, string path)
    {
        Assert.Equal(ErrorCode.Ok, h.Tree.GetChildren(path, null, Harness.NoAuth, out var children, out _));
        return children;
    }
}
