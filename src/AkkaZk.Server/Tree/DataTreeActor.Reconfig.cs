using System.Text;
using AkkaZk.Consensus;
using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Ensemble.Zab;

namespace AkkaZk.Server.Tree;

// Dynamic reconfiguration (reconfigEnabled): the leader prepares reconfig (16) from its leader's view; every
// server keeps /zookeeper/config equal to its active config.
public sealed partial class DataTreeActor
{
    private ZabProtocol.ReconfigView? _reconfigView;

    private void ReconfigHandlers()
    {
        Receive<ZabProtocol.ReconfigView>(m =>
        {
            // A view sent before the leader saw our last reconfig proposal must not hide it (ReconfigInProgress).
            if (_reconfigView is null || m.LastSeen.Version >= _reconfigView.LastSeen.Version) _reconfigView = m;
        });
        Receive<TreeProtocol.InitConfig>(m => _tree.InitConfig(Encoding.UTF8.GetBytes(m.Text), m.Version, WallClock));
    }

    /// <summary>
    /// PrepRequestProcessor for reconfig, a write like any other (a learner forwards it): reconfigEnabled=false gives
    /// ReconfigDisabled as an error txn, so a zxid is used, as ZooKeeper 3.8; only a leader serves it (standalone: Unimplemented).
    /// </summary>
    private Txn PrepareReconfig(PrepContext context, IRequestRecord? record)
    {
        if (!_settings.ReconfigEnabled) return TxnPreparer.FailReconfig(context, ErrorCode.ReconfigDisabled);
        if (_role != TreeRole.Leading || _reconfigView is null) return TxnPreparer.FailReconfig(context, ErrorCode.Unimplemented);
        if (record is not ReconfigRequest request) return TxnPreparer.FailReconfig(context, ErrorCode.MarshallingError);
        var (err, config) = ReconfigPlanner.Plan(request, _reconfigView, context.Zxid, _settings.StandaloneEnabled);
        if (err != ErrorCode.Ok || config is null) return TxnPreparer.FailReconfig(context, err);
        var txn = _preparer.PrepareReconfig(context, ReconfigPlanner.Bytes(config), _settings.SkipAcl);
        if (txn.Type == OpCode.Reconfig && QuorumConfig.Parse(config) is { } proposed)
            _reconfigView = _reconfigView with { LastSeen = proposed };
        return txn;
    }

    /// <summary>FinalRequestProcessor: reconfig answers GetDataResponse(the new config, the config node's stat).</summary>
    private static IResponseRecord? ReconfigReply(PendingTxn pending, ProcessTxnResult result) =>
        pending.Txn.Body is SetDataTxn config ? new GetDataResponse(config.Data, result.Stat ?? default) : null;
}
