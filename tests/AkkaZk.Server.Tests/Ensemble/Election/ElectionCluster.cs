using AkkaZk.Actors;
using AkkaZk.Actors.Remote;
using AkkaZk.Consensus;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.Ensemble;
using AkkaZk.Server.Ensemble.Election;
using AkkaZk.Server.Tests.Support;
using AkkaZk.TestKit;

namespace AkkaZk.Server.Tests.Ensemble.Election;

/// <summary>
/// N ElectionActors in one actor system, each on its own free loopback election port, each with a probe standing in
/// for its PeerActor (the probe asks it to look and receives its decision).
/// </summary>
internal sealed class ElectionCluster
{
    private readonly TestKitBase _kit;
    private readonly Dictionary<long, IActorRef> _actors = [];

    public ElectionCluster(TestKitBase kit, int size, params long[] observers)
    {
        _kit = kit;
        var ports = LoopbackPorts.Free(2 * size);
        Servers = Enumerable.Range(1, size)
            .Select(i => new PeerAddress(i, "127.0.0.1", ports[2 * i - 2], ports[2 * i - 1], observers.Contains(i) ? PeerRole.Observer : PeerRole.Participant))
            .ToList();
        Config = new QuorumConfig(Servers.Where(s => s.IsParticipant).Select(s => s.Id), Servers.Where(s => !s.IsParticipant).Select(s => s.Id));
        foreach (var server in Servers) Probes[server.Id] = kit.CreateTestProbe($"peer-{server.Id}");
    }

    public IReadOnlyList<PeerAddress> Servers { get; }
    public QuorumConfig Config { get; }
    public LinkFaults Faults { get; } = new();
    public Dictionary<long, TestProbe> Probes { get; } = [];

    public IActorRef Start(long id)
    {
        var settings = new ElectionSettings(id, Servers, Config, new ElectionOptions(TickMillis: 20)) { Faults = Faults };
        var actor = _kit.Sys.ActorOf(ElectionActor.Props(settings), $"election-{id}-{Guid.NewGuid():N}");
        _actors[id] = actor;
        return actor;
    }

    public void Look(long id, long zxid = 0, long epoch = 0) => Probes[id].Send(_actors[id], new ElectionProtocol.StartLooking(zxid, epoch));

    public void StartAndLook(long id, long zxid = 0, long epoch = 0)
    {
        Start(id);
        Look(id, zxid, epoch);
    }

    public void Stop(long id) => _kit.Sys.Stop(_actors[id]);

    public ElectionProtocol.Decided Decision(long id) => Probes[id].ExpectMsg<ElectionProtocol.Decided>(TimeSpan.FromSeconds(15));

    public int ElectionPort(long id) => Servers.First(s => s.Id == id).ElectionPort;

    /// <summary>A free port for a client port, none of the members' quorum and election ports.</summary>
    public int FreeClientPort() => LoopbackPorts.Free(1, Servers.SelectMany(s => new[] { s.QuorumPort, s.ElectionPort }))[0];
}
