using System.Net.Sockets;
using System.Text;
using AkkaZk.Client;
using AkkaZk.Differential.Tests.Servers;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Differential;

/// <summary>One session slot on one server: the connection (if any) and what its client remembers across reconnects.</summary>
public sealed class SessionSlot
{
    public ZkClient? Client { get; set; }
    public long SessionId { get; set; }
    public byte[] Password { get; set; } = [];
    public long LastZxid { get; set; }
    public bool Online { get; set; }
    public ClientWatches Watches { get; set; } = new();
    public List<(string Scheme, string Credentials)> Auths { get; } = [];
    public int Xid { get; set; }
}

/// <summary>
/// The sessions of one server in a differential sequence: runs each op and renders the outcome canonically
/// (<see cref="Canonical"/>), then a barrier that proves every event caused so far has arrived.
/// </summary>
public sealed class ServerSide(ServerProcess server, bool isZooKeeper, int slotCount)
{
    public const int SessionTimeoutMs = 30000;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly Canonical _canonical = new(isZooKeeper);
    private int _sessionsOpened;

    public string Name => server.Name;
    public ServerProcess Server => server;
    public SessionSlot[] Slots { get; } = Enumerable.Range(0, slotCount).Select(_ => new SessionSlot()).ToArray();

    /// <summary>Opens a session per slot; zxids are rendered relative to the zxid the first session's ping returns.</summary>
    public async Task<string> BeginAsync()
    {
        _sessionsOpened = 0;
        var first = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, SessionTimeoutMs).ConfigureAwait(false);
        var ping = await first.SendAsync(OpCode.Ping, null).WaitAsync(ReplyTimeout).ConfigureAwait(false);
        _canonical.Begin(ping.Header.Zxid);
        Adopt(Slots[0], first);
        var text = new StringBuilder($"S0 opened, timeout={first.NegotiatedTimeout}");
        for (var i = 1; i < Slots.Length; i++)
        {
            var client = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, SessionTimeoutMs).ConfigureAwait(false);
            text.Append($"; {Adopt(Slots[i], client)} opened, timeout={client.NegotiatedTimeout}");
        }
        return text.ToString();
    }

    private string Adopt(SessionSlot slot, ZkClient client)
    {
        var label = $"S{_sessionsOpened++}";
        _canonical.LabelSession(client.SessionId, label);
        slot.Client = client;
        slot.SessionId = client.SessionId;
        slot.Password = client.Password;
        slot.LastZxid = 0;
        slot.Online = true;
        slot.Watches = new ClientWatches();
        slot.Auths.Clear();
        slot.Xid = 0;
        return label;
    }

    /// <summary>Runs one op and renders its reply (not its events: see <see cref="BarrierAsync"/>).</summary>
    public async Task<string> ExecuteAsync(Op op)
    {
        try
        {
            return op switch
            {
                Op.Request r => await RequestAsync(r).ConfigureAwait(false),
                Op.Auth a => await AuthAsync(a).ConfigureAwait(false),
                Op.Disconnect d => await DisconnectAsync(d).ConfigureAwait(false),
                Op.Reconnect r => await ReconnectAsync(r).ConfigureAwait(false),
                Op.CloseSession c => await CloseSessionAsync(c).ConfigureAwait(false),
                _ => throw new ArgumentException(op.GetType().Name, nameof(op)),
            };
        }
        catch (TimeoutException)
        {
            return "TIMEOUT (no reply within " + ReplyTimeout.TotalSeconds + "s)";
        }
    }

    private async Task<string> RequestAsync(Op.Request r)
    {
        var slot = Slots[r.Slot];
        var client = slot.Client!;
        var xid = ++slot.Xid;
        ZkReply reply;
        try
        {
            reply = await client.SendWithXidAsync(xid, r.OpCode, r.Record).WaitAsync(ReplyTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return "connection closed without a reply";
        }
        slot.Watches.OnReply(r.OpCode, r.Record, reply.Header.Err);
        if (reply.Header.Err == (int)ErrorCode.Unimplemented)
        {
            // Both servers close the connection after Unimplemented, but ZooKeeper may still answer the barrier's
            // sync and ping first (another thread closes it): wait for the close so both sides report it alike.
            await Task.WhenAny(client.Closed, Task.Delay(ReplyTimeout)).ConfigureAwait(false);
        }
        return _canonical.Reply(reply, xid, r);
    }

    private async Task<string> AuthAsync(Op.Auth a)
    {
        var slot = Slots[a.Slot];
        var client = slot.Client!;
        ZkReply reply;
        try
        {
            reply = await client.SendAsync(OpCode.Auth, new AuthPacket(0, a.Scheme, Encoding.UTF8.GetBytes(a.Credentials)))
                .WaitAsync(ReplyTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return "connection closed without a reply";
        }
        if (reply.Header.Err == 0) slot.Auths.Add((a.Scheme, a.Credentials));
        return _canonical.Reply(reply, Xids.Auth, null);
    }

    private async Task<string> DisconnectAsync(Op.Disconnect d)
    {
        var slot = Slots[d.Slot];
        await DropAsync(slot).ConfigureAwait(false);
        return "disconnected";
    }

    private static async Task DropAsync(SessionSlot slot)
    {
        if (slot.Client is { } client)
        {
            slot.LastZxid = Math.Max(slot.LastZxid, client.LastZxid);
            await client.DisposeAsync().ConfigureAwait(false);
        }
        slot.Client = null;
        slot.Online = false;
    }

    private async Task<string> ReconnectAsync(Op.Reconnect r)
    {
        var slot = Slots[r.Slot];
        ZkClient client;
        try
        {
            client = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, SessionTimeoutMs, slot.SessionId, slot.Password, slot.LastZxid)
                .WaitAsync(ReplyTimeout).ConfigureAwait(false);
        }
        catch (SessionExpiredException)
        {
            return "reconnect: session expired";
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return "reconnect: connection closed during the handshake";
        }
        slot.Client = client;
        slot.Online = true;
        var text = new StringBuilder($"reconnected, timeout={client.NegotiatedTimeout}");
        // As ClientCnxn.primeConnection: SetWatches first (skipped when there is nothing to set), then the auth packets.
        if (!slot.Watches.IsEmpty)
        {
            var v2 = r.SetWatches2 || slot.Watches.HasPersistent;
            var request = slot.Watches.ToSetWatches(slot.LastZxid, v2);
            var reply = await client.SendAsync(v2 ? OpCode.SetWatches2 : OpCode.SetWatches, request).WaitAsync(ReplyTimeout).ConfigureAwait(false);
            text.Append($"; {OpFormat.Name(v2 ? OpCode.SetWatches2 : OpCode.SetWatches)}: {_canonical.Reply(reply, Xids.SetWatches, null)}");
        }
        foreach (var (scheme, credentials) in slot.Auths)
        {
            var reply = await client.SendAsync(OpCode.Auth, new AuthPacket(0, scheme, Encoding.UTF8.GetBytes(credentials)))
                .WaitAsync(ReplyTimeout).ConfigureAwait(false);
            text.Append($"; auth {scheme}: {_canonical.Reply(reply, Xids.Auth, null)}");
        }
        return text.ToString();
    }

    private async Task<string> CloseSessionAsync(Op.CloseSession c)
    {
        var slot = Slots[c.Slot];
        var client = slot.Client!;
        var xid = ++slot.Xid;
        string text;
        try
        {
            var reply = await client.SendWithXidAsync(xid, OpCode.CloseSession, null).WaitAsync(ReplyTimeout).ConfigureAwait(false);
            text = _canonical.Reply(reply, xid, null);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            text = "connection closed without a reply";
        }
        var closed = await client.Closed.WaitAsync(CloseTimeout).ContinueWith(t => t.IsCompletedSuccessfully).ConfigureAwait(false);
        text += closed ? ", then closed" : ", connection still open";
        await DropAsync(slot).ConfigureAwait(false);
        var fresh = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, SessionTimeoutMs).WaitAsync(ReplyTimeout).ConfigureAwait(false);
        return text + $"; {Adopt(slot, fresh)} opened";
    }

    /// <summary>
    /// For every connected slot: sync + ping, then the events received before their replies, in order (or
    /// sorted when the op's events have no specified order). A connection the server closed is reported and
    /// the slot goes offline.
    /// </summary>
    public async Task<string> BarrierAsync(string syncPath, bool sortEvents)
    {
        var barriers = Slots.Select(slot => SlotBarrierAsync(slot, syncPath)).ToArray();
        var states = await Task.WhenAll(barriers).ConfigureAwait(false);
        var text = new StringBuilder();
        for (var i = 0; i < Slots.Length; i++)
        {
            var slot = Slots[i];
            var events = new List<string>();
            if (slot.Client is { } client)
            {
                while (client.Events.TryRead(out var e))
                {
                    slot.Watches.OnEvent(e);
                    events.Add(Canonical.Event(e));
                }
            }
            if (sortEvents) events.Sort(StringComparer.Ordinal);
            if (states[i] is null && events.Count == 0) continue;
            text.Append($"\n  S{i}:");
            if (states[i] is { } state) text.Append(' ').Append(state);
            if (events.Count > 0) text.Append(" events [").Append(string.Join(", ", events)).Append(']');
            if (states[i] is not null) await DropAsync(slot).ConfigureAwait(false);
        }
        return text.ToString();
    }

    /// <summary>Null when the slot's connection answered sync and ping; otherwise what happened to it.</summary>
    private static async Task<string?> SlotBarrierAsync(SessionSlot slot, string syncPath)
    {
        if (!slot.Online || slot.Client is not { } client) return null;
        try
        {
            var sync = client.SendAsync(OpCode.Sync, new SyncRequest(syncPath));
            var ping = client.SendAsync(OpCode.Ping, null);
            await Task.WhenAll(sync, ping).WaitAsync(ReplyTimeout).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return "connection closed by the server";
        }
        catch (TimeoutException)
        {
            return "sync/ping not answered";
        }
    }

    /// <summary>Ends every session of the sequence: reconnects dropped ones first so none is left to expire later.</summary>
    public async Task EndAsync()
    {
        foreach (var slot in Slots)
        {
            try
            {
                if (!slot.Online)
                {
                    slot.Client = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, SessionTimeoutMs, slot.SessionId, slot.Password, slot.LastZxid)
                        .WaitAsync(ReplyTimeout).ConfigureAwait(false);
                }
                if (slot.Client is { } client)
                    await client.CloseSessionAsync().WaitAsync(ReplyTimeout).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SessionExpiredException or TimeoutException)
            {
            }
            finally
            {
                if (slot.Client is { } client) await client.DisposeAsync().ConfigureAwait(false);
                slot.Client = null;
                slot.Online = false;
            }
        }
    }
}
