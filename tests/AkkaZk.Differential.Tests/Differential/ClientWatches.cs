using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Differential;

/// <summary>
/// The watches a Java 3.8 client (ZKWatchManager) believes it holds for one session: what it re-registers with
/// SetWatches/SetWatches2 after a reconnect. Updated from replies and from the events it receives.
/// </summary>
public sealed class ClientWatches
{
    private readonly SortedSet<string> _data = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _exist = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _child = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _persistent = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _recursive = new(StringComparer.Ordinal);

    public bool IsEmpty => _data.Count + _exist.Count + _child.Count + _persistent.Count + _recursive.Count == 0;
    public bool HasPersistent => _persistent.Count + _recursive.Count > 0;

    /// <summary>WatchRegistration.register: exists keeps a watch on OK (data) or NoNode (exist); the others only on OK.</summary>
    public void OnReply(int opCode, IRequestRecord? record, int err)
    {
        switch (record)
        {
            case ExistsRequest { Watch: true } r when err == 0:
                _data.Add(r.Path);
                break;
            case ExistsRequest { Watch: true } r when err == (int)ErrorCode.NoNode:
                _exist.Add(r.Path);
                break;
            case GetDataRequest { Watch: true } r when err == 0 && opCode == OpCode.GetData:
                _data.Add(r.Path);
                break;
            case GetChildrenRequest { Watch: true } r when err == 0 && opCode == OpCode.GetChildren:
                _child.Add(r.Path);
                break;
            case GetChildren2Request { Watch: true } r when err == 0:
                _child.Add(r.Path);
                break;
            case AddWatchRequest r when err == 0:
                (r.Mode == 0 ? _persistent : _recursive).Add(r.Path);
                break;
            case RemoveWatchesRequest r when err == 0 && opCode == OpCode.RemoveWatches:
                if (r.Type is 1 or 3) _child.Remove(r.Path);
                if (r.Type is 2 or 3)
                {
                    _data.Remove(r.Path);
                    _exist.Remove(r.Path);
                }
                _persistent.Remove(r.Path);
                _recursive.Remove(r.Path);
                break;
        }
    }

    /// <summary>ZKWatchManager.materialize: one-shot watches on the event's path are consumed; persistent ones stay.</summary>
    public void OnEvent(WatcherEvent e)
    {
        switch ((EventType)e.Type)
        {
            case EventType.NodeCreated or EventType.NodeDataChanged:
                _data.Remove(e.Path);
                _exist.Remove(e.Path);
                break;
            case EventType.NodeChildrenChanged:
                _child.Remove(e.Path);
                break;
            case EventType.NodeDeleted:
                _data.Remove(e.Path);
                _exist.Remove(e.Path);
                _child.Remove(e.Path);
                break;
        }
    }

    public IRequestRecord ToSetWatches(long relativeZxid, bool version2) => version2
        ? new SetWatches2(relativeZxid, [.. _data], [.. _exist], [.. _child], [.. _persistent], [.. _recursive])
        : new SetWatches(relativeZxid, [.. _data], [.. _exist], [.. _child]);
}
