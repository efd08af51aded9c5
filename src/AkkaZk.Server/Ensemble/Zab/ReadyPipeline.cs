using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Ensemble.Zab;

/// <summary>
/// Drains a core's Readys in order with "persist before send": a Ready's persist actions go to storage, and its
/// sends, disconnects, applies and role change run only once they are durable. Readys that arrive while a persist
/// is in flight queue up and their persists go out together (group commit): everything persisted before anything
/// of theirs is sent keeps every Ready's own ordering. An entry may carry a follow-up that runs after its Ready.
/// </summary>
public sealed class ReadyPipeline(Action<IReadOnlyList<PersistAction>> persist, Action<Ready<QuorumPacket>> execute)
{
    private readonly Queue<(Ready<QuorumPacket> Ready, Action? Then)> _queue = new();
    private readonly List<(Ready<QuorumPacket> Ready, Action? Then)> _inFlight = [];

    public bool IsPersisting => _inFlight.Count > 0;

    public void Add(Ready<QuorumPacket> ready, Action? then = null)
    {
        if (ready.IsEmpty && then is null) return;
        _queue.Enqueue((ready, then));
        Pump();
    }

    /// <summary>The storage finished the persist in flight.</summary>
    public void Persisted()
    {
        var batch = _inFlight.ToList();
        _inFlight.Clear();
        foreach (var (ready, then) in batch) Run(ready, then);
        Pump();
    }

    private void Pump()
    {
        while (_inFlight.Count == 0 && _queue.Count > 0)
        {
            if (_queue.Peek().Ready.Persist.Count == 0)
            {
                var (ready, then) = _queue.Dequeue();
                Run(ready, then);
                continue;
            }
            var actions = new List<PersistAction>();
            while (_queue.Count > 0)
            {
                var entry = _queue.Dequeue();
                actions.AddRange(entry.Ready.Persist);
                _inFlight.Add(entry);
            }
            persist(actions);
        }
    }

    private void Run(Ready<QuorumPacket> ready, Action? then)
    {
        if (!ready.IsEmpty) execute(ready);
        then?.Invoke();
    }
}
