using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>A server-side watch notification; the server always sends it with state SyncConnected (PROTOCOL 11.4).</summary>
public readonly record struct WatchedEvent(EventType Type, string Path);
