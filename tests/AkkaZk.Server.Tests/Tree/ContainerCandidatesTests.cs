using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Tree;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tests.Tree;

/// <summary>ZooKeeper 3.8's ContainerManager.getCandidates, with the wall clock fixed.</summary>
public sealed class ContainerCandidatesTests
{
    private const long T0 = 1_700_000_000_000;
    private readonly ZkTree _tree = new(extendedTypesEnabled: true);
    private long _zxid;

    [Fact]
    public void A_container_is_a_candidate_once_it_has_had_a_child_and_has_none()
    {
        Apply(T0, OpCode.CreateContainer, new CreateContainerTxn("/c", null, Acl.OpenAclUnsafe, 0));
        Assert.Empty(Select(T0 + 1_000_000));
        Apply(T0, OpCode.Create, new CreateTxn("/c/x", null, Acl.OpenAclUnsafe, false, 1));
        Assert.Empty(Select(T0 + 1_000_000));
        Apply(T0, OpCode.Delete, new DeleteTxn("/c/x"));
        Assert.Equal(["/c"], Select(T0));
    }

    [Fact]
    public void A_never_used_container_goes_only_after_max_never_used_interval_since_its_mtime()
    {
        Apply(T0, OpCode.CreateContainer, new CreateContainerTxn("/unused", null, Acl.OpenAclUnsafe, 0));
        Assert.Empty(Select(T0 + 10_000, maxNeverUsedIntervalMs: 0));
        Assert.Empty(Select(T0 + 1_000, maxNeverUsedIntervalMs: 1_000));
        Assert.Equal(["/unused"], Select(T0 + 1_001, maxNeverUsedIntervalMs: 1_000));
    }

    [Fact]
    public void A_ttl_node_goes_when_childless_and_its_mtime_is_older_than_its_ttl()
    {
        Apply(T0, OpCode.CreateTtl, new CreateTtlTxn("/t", null, Acl.OpenAclUnsafe, 0, 500));
        Assert.Empty(Select(T0 + 500));
        Assert.Equal(["/t"], Select(T0 + 501));

        Apply(T0 + 400, OpCode.SetData, new SetDataTxn("/t", [1], 1));
        Assert.Empty(Select(T0 + 900));
        Apply(T0 + 400, OpCode.Create, new CreateTxn("/t/child", null, Acl.OpenAclUnsafe, false, 1));
        Assert.Empty(Select(T0 + 10_000));
    }

    [Fact]
    public void A_ttl_node_whose_ttl_is_unknown_is_kept()
    {
        Apply(T0, OpCode.CreateTtl, new CreateTtlTxn("/t", null, Acl.OpenAclUnsafe, 0, 500));
        Assert.Empty(ContainerCandidates.Select(_tree, _ => null, T0 + 10_000, 0));
    }

    [Fact]
    public void The_tree_reports_ttls_from_multis_and_forgets_deleted_nodes()
    {
        Apply(T0, OpCode.Multi, new MultiTxn([
            new SubTxn(OpCode.CreateTtl, new CreateTtlTxn("/m1", null, Acl.OpenAclUnsafe, 0, 100)),
            new SubTxn(OpCode.CreateTtl, new CreateTtlTxn("/m2", null, Acl.OpenAclUnsafe, 1, 200)),
        ]));
        Assert.Equal(100, _tree.TtlOf("/m1"));
        Assert.Equal(200, _tree.TtlOf("/m2"));
        Apply(T0, OpCode.Delete, new DeleteTxn("/m1"));
        Assert.Null(_tree.TtlOf("/m1"));
    }

    private IReadOnlyList<string> Select(long now, long maxNeverUsedIntervalMs = 0) =>
        ContainerCandidates.Select(_tree, _tree.TtlOf, now, maxNeverUsedIntervalMs);

    private void Apply(long time, int type, ITxnBody body)
    {
        var txn = new Txn(new TxnHeader(1, 1, ++_zxid, time, type), body);
        var result = _tree.ProcessTxn(txn);
        Assert.Equal(ErrorCode.Ok, result.Err);
    }
}
