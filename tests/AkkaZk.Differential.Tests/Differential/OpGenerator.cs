using System.Security.Cryptography;
using System.Text;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Differential;

/// <summary>What the generator may know about a run in progress: which slots are connected and which paths were created.</summary>
public interface IRunView
{
    IReadOnlyList<bool> Online { get; }
    IReadOnlyList<string> KnownPaths { get; }
}

/// <summary>
/// Seeded random ops over a small path space under one root (names a, b, c, depth ≤ 3, plus the sequential
/// nodes created so far), so creates, deletes and watches collide often. The same seed and the same replies
/// give the same sequence.
/// </summary>
public sealed class OpGenerator
{
    public const string AlicePassword = "alice:pw1";
    public const string BobPassword = "bob:pw2";

    private static readonly string[] Names = ["a", "b", "c"];
    private static readonly Acl[] NoAcl = [];

    private readonly Random _rng;
    private readonly string _root;
    private readonly IReadOnlyList<Acl>[] _validAcls;
    private readonly IReadOnlyList<Acl>[] _invalidAcls;
    private readonly (int Weight, Func<IRunView, int, Op> Make)[] _ops;
    private readonly int _totalWeight;

    public OpGenerator(int seed, string root)
    {
        _rng = new Random(seed);
        _root = root;
        var alice = new Id("digest", Digest(AlicePassword));
        var bob = new Id("digest", Digest(BobPassword));
        _validAcls =
        [
            Acl.ReadAclUnsafe,
            [new Acl(Perms.All, alice)],
            [new Acl(Perms.Read | Perms.Write, bob)],
            [new Acl(Perms.All, alice), new Acl(Perms.Read, Id.Anyone)],
            [new Acl(Perms.Create | Perms.Delete | Perms.Read, Id.Anyone), new Acl(Perms.All, bob)],
            [new Acl(Perms.All, new Id("auth", ""))],
            [new Acl(Perms.Read | Perms.Admin, new Id("auth", "")), new Acl(Perms.Create, Id.Anyone)],
            [new Acl(Perms.All, new Id("ip", "127.0.0.1"))],
            [new Acl(Perms.All, new Id("ip", "10.0.0.0/8")), new Acl(Perms.Read, Id.Anyone)],
            [new Acl(Perms.All, Id.Anyone), new Acl(Perms.All, Id.Anyone)],
            [new Acl(Perms.Admin, Id.Anyone)],
        ];
        _invalidAcls =
        [
            NoAcl,
            [new Acl(Perms.All, new Id("world", "bob"))],
            [new Acl(Perms.All, new Id("digest", "alice"))],
            [new Acl(Perms.All, new Id("ip", "300.1.1.1"))],
            [new Acl(Perms.All, new Id("super", "x"))],
            [new Acl(Perms.All, new Id("nosuchscheme", "x"))],
        ];
        _ops =
        [
            (180, (_, s) => Create(s)),
            (60, (_, s) => new Op.Request(s, OpCode.Delete, new DeleteRequest(NotRoot(AnyPath()), Version()))),
            (70, (_, s) => new Op.Request(s, OpCode.SetData, new SetDataRequest(AnyPath(), Data(), Version()))),
            (60, (_, s) => new Op.Request(s, OpCode.Exists, new ExistsRequest(AnyPath(), Coin()))),
            (60, (_, s) => new Op.Request(s, OpCode.GetData, new GetDataRequest(AnyPath(), Coin()))),
            (40, (_, s) => new Op.Request(s, OpCode.GetChildren, new GetChildrenRequest(AnyPath(), Coin()))),
            (30, (_, s) => new Op.Request(s, OpCode.GetChildren2, new GetChildren2Request(AnyPath(), Coin()))),
            (30, (_, s) => new Op.Request(s, OpCode.GetAcl, new GetAclRequest(AnyPath()))),
            (30, (_, s) => new Op.Request(s, OpCode.SetAcl, new SetAclRequest(NotRoot(AnyPath()), AnyAcl(0.1), Version()))),
            (70, (_, s) => new Op.Request(s, OpCode.Multi, Multi())),
            (30, (_, s) => new Op.Request(s, OpCode.MultiRead, MultiRead())),
            (20, (_, s) => new Op.Request(s, OpCode.GetAllChildrenNumber, new GetAllChildrenNumberRequest(AnyPath()))),
            (20, (_, s) => new Op.Request(s, OpCode.GetEphemerals, new GetEphemeralsRequest(Pick(_root, _root + "/a", "/", "", _root + "/", AnyPath())))),
            (30, (_, s) => new Op.Request(s, OpCode.AddWatch, new AddWatchRequest(Chance(0.2) ? _root : AnyPath(), Chance(0.03) ? 2 : _rng.Next(2)))),
            (20, (_, s) => new Op.Request(s, OpCode.RemoveWatches, new RemoveWatchesRequest(AnyPath(), WatcherType()))),
            (20, (_, s) => new Op.Request(s, OpCode.CheckWatches, new CheckWatchesRequest(AnyPath(), WatcherType()))),
            (10, (_, s) => new Op.Request(s, OpCode.Sync, new SyncRequest(AnyPath()))),
            (10, (_, s) => new Op.Request(s, OpCode.WhoAmI, null)),
            (20, (_, s) => Auth(s)),
            (10, (view, s) => view.Online.Count(o => o) > 1 ? new Op.Disconnect(s) : new Op.Request(s, OpCode.WhoAmI, null)),
            (6, (_, s) => new Op.CloseSession(s)),
            (3, (_, s) => new Op.Request(s, Pick(0, 10, 23, 99, 108), null)),
        ];
        _totalWeight = _ops.Sum(op => op.Weight);
    }

    /// <summary>ZooKeeper's DigestAuthenticationProvider.generateDigest: user:base64(sha1("user:password")).</summary>
    public static string Digest(string userPassword) =>
        userPassword.Split(':')[0] + ":" + Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(userPassword)));

    public Op Next(IRunView view)
    {
        var offline = Enumerable.Range(0, view.Online.Count).Where(i => !view.Online[i]).ToList();
        var online = Enumerable.Range(0, view.Online.Count).Where(i => view.Online[i]).ToList();
        _knownPaths = view.KnownPaths;
        if (offline.Count > 0 && (online.Count == 0 || Chance(0.2)))
            return new Op.Reconnect(offline[_rng.Next(offline.Count)], Coin());
        var slot = online[_rng.Next(online.Count)];
        var roll = _rng.Next(_totalWeight);
        foreach (var (weight, make) in _ops)
        {
            if (roll < weight) return make(view, slot);
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable");
    }

    private IReadOnlyList<string> _knownPaths = [];

    private Op Create(int slot)
    {
        var opCode = Weighted((OpCode.Create, 40), (OpCode.Create2, 30), (OpCode.CreateContainer, 15), (OpCode.CreateTtl, 15));
        var (record, _) = CreateRecord(opCode, AnyPath(forCreate: true));
        return new Op.Request(slot, opCode, record);
    }

    private (IRequestRecord Record, string Path) CreateRecord(int opCode, string path)
    {
        int flags;
        if (opCode == OpCode.CreateTtl)
        {
            flags = Weighted((5, 60), (6, 25), (0, 5), (4, 5), (1, 5));
            // A non-TTL flag with ttl −1 passes ZooKeeper's prep but its apply throws (a 3.8 bug): only ttl ≥ 0 there.
            var ttl = flags is 5 or 6
                ? Weighted((3_600_000L, 80), (0L, 5), (-1L, 5), (0x10000000000L, 5), (1L, 5))
                : Weighted((1000L, 50), (0L, 50));
            if (flags is 2 or 3 or 6 && Chance(0.2)) path += "/";
            return (new CreateTtlRequest(path, Data(), CreateAcl(), flags, ttl), path);
        }
        flags = opCode == OpCode.CreateContainer
            ? Weighted((4, 80), (0, 8), (2, 6), (1, 6))
            : Weighted((0, 35), (1, 25), (2, 15), (3, 15), (4, 4), (5, 2), (6, 1), (7, 1), (-1, 1));
        if (flags is 2 or 3 or 6 && Chance(0.2)) path += "/";
        return (new CreateRequest(path, Data(), CreateAcl(), flags), path);
    }

    private int _coherent;

    private MultiRequest Multi()
    {
        if (Chance(0.3)) return CoherentMulti();
        var count = Weighted((0, 3), (1, 20), (2, 35), (3, 27), (4, 15));
        var ops = new List<MultiOp>(count);
        var inMulti = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = inMulti.Count > 0 && Chance(0.4)
                ? (Chance(0.5) ? inMulti[_rng.Next(inMulti.Count)] : inMulti[_rng.Next(inMulti.Count)] + "/" + Names[_rng.Next(Names.Length)])
                : AnyPath(forCreate: true);
            switch (Weighted((0, 40), (1, 20), (2, 20), (3, 17), (4, 3)))
            {
                case 0:
                {
                    var type = Weighted((OpCode.Create, 45), (OpCode.Create2, 30), (OpCode.CreateContainer, 10), (OpCode.CreateTtl, 15));
                    var (record, created) = CreateRecord(type, path);
                    // Known difference: a createContainer (19) sub-op with a non-container flag is a plain create in
                    // 3.8.0/3.8.1 and a container in 3.8.2+ (ZOOKEEPER-4026, as the create2 result type): not generated.
                    if (type == OpCode.CreateContainer && record is CreateRequest { Flags: not 4 } cr)
                    {
                        record = cr with { Flags = 4 };
                        created = cr.Path;
                    }
                    ops.Add(new MultiOp(type, record));
                    inMulti.Add(created.TrimEnd('/'));
                    break;
                }
                case 1:
                    ops.Add(new MultiOp(OpCode.Delete, new DeleteRequest(NotRoot(path), Version())));
                    break;
                case 2:
                    ops.Add(new MultiOp(OpCode.SetData, new SetDataRequest(path, Data(), Version())));
                    break;
                case 3:
                    ops.Add(new MultiOp(OpCode.Check, new CheckVersionRequest(path, Version())));
                    break;
                default:
                    // Mixing reads into a write multi: ZooKeeper refuses the whole request.
                    ops.Add(new MultiOp(OpCode.GetData, new GetDataRequest(path, false)));
                    break;
            }
        }
        return new MultiRequest(ops);
    }

    /// <summary>A multi built to succeed (unless another session interferes): create, update, check, child, delete.</summary>
    private MultiRequest CoherentMulti()
    {
        var parent = _knownPaths.Count > 0 && Chance(0.5) ? _knownPaths[_rng.Next(_knownPaths.Count)] : _root;
        var path = $"{parent}/m{_coherent++}";
        var type = Pick(OpCode.Create, OpCode.Create2);
        var ops = new List<MultiOp>
        {
            new(type, new CreateRequest(path, Data(), Acl.OpenAclUnsafe, Pick(0, 0, 2))),
        };
        // A sequential create changes the name; later ops then fail on the plain path, which is fine too.
        ops.Add(new MultiOp(OpCode.SetData, new SetDataRequest(path, Data(), Pick(-1, 0))));
        ops.Add(new MultiOp(OpCode.Check, new CheckVersionRequest(path, Pick(-1, 1))));
        if (Coin())
        {
            var childType = Pick(OpCode.Create, OpCode.Create2, OpCode.CreateContainer, OpCode.CreateTtl);
            IRequestRecord child = childType switch
            {
                OpCode.CreateTtl => new CreateTtlRequest(path + "/x", Data(), Acl.OpenAclUnsafe, 5, 3_600_000),
                OpCode.CreateContainer => new CreateRequest(path + "/x", Data(), Acl.OpenAclUnsafe, 4),
                _ => new CreateRequest(path + "/x", Data(), Acl.OpenAclUnsafe, Pick(0, 1)),
            };
            ops.Add(new MultiOp(childType, child));
            if (Coin()) ops.Add(new MultiOp(OpCode.Delete, new DeleteRequest(path + "/x", 0)));
        }
        return new MultiRequest(ops);
    }

    private MultiRequest MultiRead()
    {
        var count = Weighted((1, 30), (2, 40), (3, 20), (4, 10));
        var ops = new List<MultiOp>(count);
        for (var i = 0; i < count; i++)
        {
            ops.Add(Coin()
                ? new MultiOp(OpCode.GetData, new GetDataRequest(AnyPath(), Coin()))
                : new MultiOp(OpCode.GetChildren, new GetChildrenRequest(AnyPath(), Coin())));
        }
        return new MultiRequest(ops);
    }

    private Op Auth(int slot) => Weighted<Func<Op>>(
        (() => new Op.Auth(slot, "digest", AlicePassword), 35),
        (() => new Op.Auth(slot, "digest", BobPassword), 30),
        (() => new Op.Auth(slot, "digest", "alice:wrong"), 6),
        (() => new Op.Auth(slot, "digest", Servers.ServerProcess.SuperUser), 8),
        (() => new Op.Auth(slot, "ip", "127.0.0.1"), 6),
        (() => new Op.Auth(slot, "nosuchscheme", "x"), 5),
        (() => new Op.Auth(slot, "world", "anyone"), 3))();

    private string AnyPath(bool forCreate = false)
    {
        // Creates mostly go under a node that may exist, so the tree grows past the first level.
        if (forCreate && Chance(0.4))
        {
            var parent = _knownPaths.Count > 0 && Chance(0.7) ? _knownPaths[_rng.Next(_knownPaths.Count)] : _root;
            return parent + "/" + Names[_rng.Next(Names.Length)];
        }
        var roll = _rng.NextDouble();
        if (roll < 0.45 && _knownPaths.Count > 0) return _knownPaths[_rng.Next(_knownPaths.Count)];
        if (roll < 0.49) return OddPath(forCreate);
        if (roll < 0.51) return _root;
        var depth = Weighted((1, 45), (2, 40), (3, 15));
        var path = _root;
        for (var i = 0; i < depth; i++) path += "/" + Names[_rng.Next(Names.Length)];
        return path;
    }

    private string OddPath(bool forCreate) => Pick(
        _root + "/a/",
        _root + "//a",
        "a",
        _root + "/a/.",
        _root + "/./a",
        _root + "/..",
        forCreate ? _root + "/b" : "/",
        forCreate ? _root + "/c" : "",
        "/zookeeper",
        "/zookeeper/config",
        _root + "/a\0b",
        _root + "/\u00fc",
        _root + "/\ud83d\ude00",
        _root + "/a\u0001");

    /// <summary>Deleting the sequence's root, or locking it with an ACL, would leave nothing to work on.</summary>
    private string NotRoot(string path) => path == _root ? _root + "/a" : path;

    private IReadOnlyList<Acl> CreateAcl() => Chance(0.65) ? Acl.OpenAclUnsafe : AnyAcl(0.08);

    private IReadOnlyList<Acl> AnyAcl(double invalid) => Chance(invalid)
        ? _invalidAcls[_rng.Next(_invalidAcls.Length)]
        : Chance(0.3) ? Acl.OpenAclUnsafe : _validAcls[_rng.Next(_validAcls.Length)];

    private byte[]? Data()
    {
        if (Chance(0.1)) return null;
        var data = new byte[Weighted((0, 10), (1, 30), (3, 40), (8, 20))];
        _rng.NextBytes(data);
        return data;
    }

    private int Version() => Weighted((-1, 45), (0, 25), (1, 15), (2, 10), (5, 5));

    private int WatcherType() => Weighted((1, 32), (2, 32), (3, 32), (4, 2), (5, 2));

    private bool Coin() => _rng.Next(2) == 0;

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(params T[] items) => items[_rng.Next(items.Length)];

    private T Weighted<T>(params (T Value, int Weight)[] items)
    {
        var roll = _rng.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable");
    }
}
