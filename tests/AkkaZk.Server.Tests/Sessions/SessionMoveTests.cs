using AkkaZk.Actors;
using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Tests.Sessions;

/// <summary>
/// A reconnect that moves a session closes the old connection, and requests still arriving from it are not
/// executed (ZooKeeper answers SessionMoved on a follower; a standalone server closes the old connection).
/// Driven at the tree's actor with probes standing in for the two connections, so the order is exact.
/// </summary>
public sealed class SessionMoveTests : TestKit.TestKit
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "akkazk-move-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Requests_on_the_connection_a_session_moved_away_from_are_not_executed()
    {
        var journal = new JournalSettings(_dataDir, _dataDir, Fsync: false, SnapCount: 100000, SnapRetainCount: 3, PurgeInterval: TimeSpan.Zero);
        var tree = Sys.ActorOf(DataTreeActor.Props(new TreeSettings(0, 1000, 2000, 20000, 1000, new PrepSettings(), journal)));
        var oldProbe = CreateTestProbe();
        var newProbe = CreateTestProbe();
        var oldConnection = new SessionContext(oldProbe.Ref, "127.0.0.1", 1001, 1);
        var newConnection = new SessionContext(newProbe.Ref, "127.0.0.1", 1002, 2);

        tree.Tell(new SessionProtocol.ConnectSession(oldConnection, new ConnectRequest(0, 0, 10000, 0, new byte[16], false)));
        var created = oldProbe.ExpectMsg<SessionProtocol.ConnectAccepted>();

        tree.Tell(new SessionProtocol.ConnectSession(newConnection,
            new ConnectRequest(0, 0, 10000, created.SessionId, created.Password, false)));
        oldProbe.ExpectMsg<SessionProtocol.CloseConnection>();
        Assert.Equal(created.SessionId, newProbe.ExpectMsg<SessionProtocol.ConnectAccepted>().SessionId);

        var create = new CreateRequest("/moved", null, Acl.OpenAclUnsafe.ToList(), 0);
        tree.Tell(new SessionProtocol.ClientRequest(oldConnection, 1, OpCode.Create, create, RequestProblem.None, Environment.TickCount64));
        oldProbe.ExpectMsg<SessionProtocol.CloseConnection>();

        tree.Tell(new SessionProtocol.ClientRequest(newConnection, 1, OpCode.Exists, new ExistsRequest("/moved", false),
            RequestProblem.None, Environment.TickCount64));
        Assert.Equal((int)ErrorCode.NoNode, newProbe.ExpectMsg<SessionProtocol.ClientReply>().Err);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }
}
