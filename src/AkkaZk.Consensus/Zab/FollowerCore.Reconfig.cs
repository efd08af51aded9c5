using System.Buffers.Binary;
using System.Text;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// Dynamic reconfiguration on a learner (Learner.syncWithLeader, Follower/Observer.processPacket): COMMITANDACTIVATE
/// is a COMMIT and INFORMANDACTIVATE an INFORM whose txn, once applied, activates the config it carries with the
/// designated leader; NEWLEADER's config is activated at UPTODATE when it is newer than this learner's.
/// </summary>
public sealed partial class FollowerCore
{
    private readonly Dictionary<long, long> _activateOnApply = [];
    private QuorumConfig? _newLeaderConfig;

    /// <summary>Strips the designated leader off an activating packet and remembers it for when its txn is applied.</summary>
    private QuorumPacket WithoutActivation(QuorumPacket packet)
    {
        if (packet.Type is not (QuorumPacketType.CommitAndActivate or QuorumPacketType.InformAndActivate)) return packet;
        var data = packet.Data ?? [];
        _activateOnApply[packet.Zxid] = data.Length >= 8 ? BinaryPrimitives.ReadInt64BigEndian(data) : LeaderId;
        return packet.Type == QuorumPacketType.CommitAndActivate
            ? new QuorumPacket(QuorumPacketType.Commit, packet.Zxid)
            : new QuorumPacket(QuorumPacketType.Inform, packet.Zxid, data.Length >= 8 ? data[8..] : []);
    }

    private void RememberNewLeaderConfig(QuorumPacket newLeader)
    {
        if (newLeader.Data is not { Length: > 0 } data) return;
        var config = QuorumConfig.Parse(Encoding.UTF8.GetString(data));
        if (config is not null && config.Version > Config.Version) _newLeaderConfig = config;
    }

    private void ActivateNewLeaderConfig(ReadyBuilder<QuorumPacket> ready)
    {
        Activate(ready, _newLeaderConfig, null);
        _newLeaderConfig = null;
    }

    private void Activate(ReadyBuilder<QuorumPacket> ready, QuorumConfig? config, long? designated)
    {
        // QuorumPeer.processReconfig does nothing with reconfigEnabled=false (the txn itself is still applied).
        if (!_options.ReconfigEnabled || config is null || config.Version <= Config.Version) return;
        Config = config;
        ready.Activate(new ConfigActivation(config, designated));
    }
}
