using AkkaZk.DataTree;
using AkkaZk.Jute;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// The container/TTL manager (ZooKeeper's ContainerManager, run by the standalone server and the leader): every
// checkIntervalMs the candidates are deleted by internal deleteContainer txns (session 0, cxid 0) through the
// journal like any write, at most maxPerMinute per minute.
public sealed partial class DataTreeActor
{
    private readonly Queue<string> _containerQueue = new();

    private void StartContainerManager()
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(1, _settings.Containers.CheckIntervalMs));
        // As Timer.scheduleAtFixedRate(task, checkIntervalMs, checkIntervalMs).
        Timers.StartPeriodicTimer("container-check", ContainerCheck.Instance, interval, interval);
    }

    private void CheckContainers()
    {
        // A pass that is still pacing its deletions finishes first, as ZooKeeper's timer runs one task at a time.
        if (_containerQueue.Count > 0) return;
        // As ZooKeeper: the container manager runs on the leader (or a standalone server) only.
        if (_role is not (TreeRole.Standalone or TreeRole.Leading)) return;
        foreach (var path in ContainerCandidates.Select(_tree, _tree.TtlOf, WallClock, _settings.Containers.MaxNeverUsedIntervalMs))
            _containerQueue.Enqueue(path);
        DeleteNextContainer();
    }

    private void DeleteNextContainer()
    {
        var pause = _settings.Containers.MinDeleteInterval;
        while (_containerQueue.TryDequeue(out var path))
        {
            Context.Log.LogInformation("Attempting to delete candidate container: {Path}", path);
            var context = new PrepContext(0, 0, ++_lastAssignedZxid, WallClock, []);
            var txn = _preparer.PrepareDeleteContainer(context, path);
            Enqueue(new PendingTxn(txn, PendingKind.ContainerDelete, null, 0, OpCode.DeleteContainer, Now));
            if (pause <= TimeSpan.Zero) continue;
            if (_containerQueue.Count > 0) Timers.StartSingleTimer("container-delete", DeleteNextContainerTick.Instance, pause);
            return;
        }
    }

    private sealed class ContainerCheck
    {
        public static readonly ContainerCheck Instance = new();
    }

    private sealed class DeleteNextContainerTick
    {
        public static readonly DeleteNextContainerTick Instance = new();
    }
}
