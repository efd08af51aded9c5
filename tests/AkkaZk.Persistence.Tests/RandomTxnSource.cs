using AkkaZk.Jute;

namespace AkkaZk.Persistence.Tests;

using DataTree = AkkaZk.DataTree.DataTree;

/// <summary>
/// A seeded stream of plausible write txns (sessions, persistent and ephemeral creates, setData, deletes of
/// leaves, session closes, a few failing ones) built against the live tree, so replaying them reproduces it.
/// </summary>
internal sealed class RandomTxnSource(int seed)
{
    private const long Epoch = 1L << 32;

    private readonly Random _random = new(seed);
    private readonly List<string> _persistent = [];
    private readonly Dictionary<long, List<string>> _sessions = [];
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal) { ["/"] = 0 };
    private long _counter;
    private long _nextSession = 0x1000;
    private int _nextName;

    public Txn Next(DataTree live)
    {
        var zxid = Epoch | ++_counter;
        var roll = _random.Next(100);
        return roll switch
        {
            < 5 => CreateSession(zxid),
            < 9 when _sessions.Count > 0 => CloseSession(zxid),
            < 12 => Header(zxid, OpCode.Error, 0, new ErrorTxn((int)ErrorCode.NoNode)),
            < 15 when _persistent.Count > 0 => Header(zxid, OpCode.Create, 0, CreateBody(Pick(_persistent), false)), // NodeExists
            < 55 => Create(zxid),
            < 80 when _persistent.Count > 0 => SetData(zxid, live),
            < 100 when Leaves().Any() => Delete(zxid),
            _ => Create(zxid),
        };
    }

    private Txn CreateSession(long zxid)
    {
        var session = _nextSession++;
        _sessions[session] = [];
        return Header(zxid, OpCode.CreateSession, session, new CreateSessionTxn(30_000), session);
    }

    private Txn CloseSession(long zxid)
    {
        var session = Pick(_sessions.Keys.ToList());
        var ephemerals = _sessions[session];
        _sessions.Remove(session);
        foreach (var path in ephemerals) Forget(path);
        return Header(zxid, OpCode.CloseSession, session, new CloseSessionTxn(ephemerals), session);
    }

    private Txn Create(long zxid)
    {
        var parent = _persistent.Count == 0 || _random.Next(4) == 0 ? "/" : Pick(_persistent);
        var path = (parent == "/" ? "" : parent) + "/n" + _nextName++;
        var ephemeral = _sessions.Count > 0 && _random.Next(5) == 0;
        long owner = 0;
        if (ephemeral)
        {
            owner = Pick(_sessions.Keys.ToList());
            _sessions[owner].Add(path);
        }
        else
        {
            _persistent.Add(path);
            _children[path] = 0;
        }
        _children[parent]++;
        return Header(zxid, OpCode.Create, owner, CreateBody(path, ephemeral));
    }

    private Txn SetData(long zxid, DataTree live)
    {
        var path = Pick(_persistent);
        var version = live.StatOf(path)!.Value.Version + 1;
        return Header(zxid, OpCode.SetData, 0, new SetDataTxn(path, Data(), version));
    }

    private Txn Delete(long zxid)
    {
        var path = Pick(Leaves().ToList());
        Forget(path);
        return Header(zxid, OpCode.Delete, 0, new DeleteTxn(path));
    }

    private IEnumerable<string> Leaves() => _persistent.Where(p => _children[p] == 0);

    private void Forget(string path)
    {
        _persistent.Remove(path);
        _children.Remove(path);
        var parent = path[..path.LastIndexOf('/')];
        _children[parent.Length == 0 ? "/" : parent]--;
    }

    // parentCVersion −1: the apply step uses the parent's cversion + 1 (CreateTxnV0 rule, QUORUM 10.1).
    private CreateTxn CreateBody(string path, bool ephemeral) => new(path, Data(), Acl.OpenAclUnsafe, ephemeral, -1);

    private byte[] Data()
    {
        var data = new byte[_random.Next(0, 64)];
        _random.NextBytes(data);
        return data;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static Txn Header(long zxid, int type, long clientId, ITxnBody body, long? session = null) =>
        new(new TxnHeader(session ?? clientId, (int)zxid, zxid, 1_700_000_000_000 + (zxid & 0xFFFF), type), body);
}
