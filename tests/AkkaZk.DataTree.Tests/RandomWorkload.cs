using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>A seeded mix of writes (some failing), sessions and multis, prepared and applied through a harness.</summary>
internal sealed class RandomWorkload(int seed, Harness harness)
{
    private static readonly Id Bob = new("digest", DigestAuthenticationProvider.GenerateDigest("bob:secret"));
    private static readonly IReadOnlyList<Acl>[] AclChoices =
    [
        Acl.OpenAclUnsafe,
        Acl.ReadAclUnsafe.Concat([new Acl(Perms.Create | Perms.Delete, Id.Anyone)]).ToList(),
        [new Acl(Perms.All, Bob), new Acl(Perms.Read, Id.Anyone)],
        [new Acl(Perms.All, new Id("auth", ""))],
    ];

    private readonly Random _random = new(seed);
    private readonly List<long> _sessions = [];
    private long _nextSession = 0x100;

    public void Step()
    {
        var roll = _random.Next(100);
        if (roll < 5 || _sessions.Count == 0)
        {
            var session = _nextSession++;
            _sessions.Add(session);
            harness.CreateSession(session, 1000 + _random.Next(9000));
        }
        else if (roll < 8)
        {
            var session = Pick(_sessions);
            _sessions.Remove(session);
            harness.CloseSession(session);
        }
        else if (roll < 15)
        {
            var ops = Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => RandomOp(allowSetAcl: false)).ToArray();
            harness.Apply(harness.Prep.PrepareMulti(harness.Next(Pick(_sessions), [Bob]), ops));
        }
        else
        {
            harness.Run(RandomOp(allowSetAcl: true), Pick(_sessions), _random.Next(3) == 0 ? [Bob] : []);
        }
        harness.Time += _random.Next(5);
    }

    private PrepOp RandomOp(bool allowSetAcl)
    {
        var path = RandomPath();
        return _random.Next(allowSetAcl ? 10 : 9) switch
        {
            < 4 => new PrepOp.Create(CreateOpCode(out var flags, out var ttl), path, RandomData(), Pick(AclChoices), flags, ttl),
            < 6 => new PrepOp.Delete(ExistingOrRandom(), _random.Next(4) == 0 ? 0 : -1),
            < 8 => new PrepOp.SetData(ExistingOrRandom(), RandomData(), _random.Next(4) == 0 ? 1 : -1),
            _ when allowSetAcl => new PrepOp.SetAcl(ExistingOrRandom(), Pick(AclChoices), -1),
            _ => new PrepOp.Check(ExistingOrRandom(), _random.Next(2) == 0 ? 0 : -1),
        };
    }

    private int CreateOpCode(out int flags, out long ttl)
    {
        ttl = -1;
        switch (_random.Next(8))
        {
            case 0:
                flags = 4;
                return OpCode.CreateContainer;
            case 1:
                flags = 5 + _random.Next(2);
                ttl = 1 + _random.Next(100_000);
                return OpCode.CreateTtl;
            default:
                flags = _random.Next(4);
                return _random.Next(2) == 0 ? OpCode.Create : OpCode.Create2;
        }
    }

    private string RandomPath()
    {
        var depth = 1 + _random.Next(3);
        return string.Concat(Enumerable.Range(0, depth).Select(_ => "/" + (char)('a' + _random.Next(4))));
    }

    private string ExistingOrRandom()
    {
        var stats = harness.Tree.NodeEntries.Where(e => e.Key.Length > 1 && !e.Key.StartsWith("/zookeeper", StringComparison.Ordinal))
            .Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        return stats.Count > 0 && _random.Next(3) > 0 ? Pick(stats) : RandomPath();
    }

    private byte[]? RandomData() => _random.Next(5) == 0 ? null : [.. Enumerable.Range(0, _random.Next(8)).Select(_ => (byte)_random.Next(256))];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
