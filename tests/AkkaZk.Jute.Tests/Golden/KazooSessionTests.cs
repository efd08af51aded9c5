namespace AkkaZk.Jute.Tests.Golden;

/// <summary>Field checks on the kazoo 2.8 session captured from ZooKeeper 3.8.0 (kazoo-session.hex).</summary>
public sealed class KazooSessionTests
{
    private static readonly GoldenFrames _golden = GoldenFrames.Load("kazoo-session.hex");
    private static readonly Acl _open = new(Perms.All, Id.Anyone);

    private static GoldenFrame F(string key) => _golden[key];

    [Fact]
    public void Handshake_with_readOnly_byte()
    {
        Assert.Equal(45, F("c2s.connect").Payload.Length);
        var request = ConnectRequest.Read(F("c2s.connect").Payload);
        Assert.Equal((0, 0L, 30_000, 0L, false), (request.ProtocolVersion, request.LastZxidSeen, request.TimeOut, request.SessionId, request.ReadOnly));
        Assert.Equal(new byte[16], request.Passwd);

        Assert.Equal(37, F("s2c.connect").Payload.Length);
        var response = ConnectResponse.Read(F("s2c.connect").Payload);
        Assert.Equal(0, response.ProtocolVersion);
        Assert.Equal(30_000, response.TimeOut);
        Assert.Equal(1, (int)(response.SessionId >>> 56)); // standalone servers use server id 1
        Assert.Equal(16, response.Passwd.Length);
        Assert.False(response.ReadOnly);
    }

    [Fact]
    public void Auth_packet_and_its_zxid_zero_reply()
    {
        var (header, auth) = GoldenDecode.Request<AuthPacket>(F("c2s.auth"));
        Assert.Equal(new RequestHeader(Xids.Auth, OpCode.Auth), header);
        Assert.Equal((0, "digest"), (auth.Type, auth.Scheme));
        Assert.Equal(Bytes.Utf8("golden:secret"), auth.Auth);

        Assert.Equal(new ReplyHeader(Xids.Auth, 0, 0), GoldenDecode.EmptyReply(F("s2c.auth")));
    }

    [Fact]
    public void Create_and_create2()
    {
        var (header, create) = GoldenDecode.Request<CreateRequest>(F("c2s.create"));
        Assert.Equal(OpCode.Create, header.Type);
        Assert.Equal(("/golden", 0), (create.Path, create.Flags));
        Assert.Equal(Bytes.Utf8("hello"), create.Data);
        Assert.Equal(_open, Assert.Single(create.Acl));
        var (reply, created) = GoldenDecode.Reply<CreateResponse>(F("s2c.create"), OpCode.Create);
        Assert.Equal(header.Xid, reply.Xid);
        Assert.Equal("/golden", created.Path);

        var (header2, create2) = GoldenDecode.Request<CreateRequest>(F("c2s.create2"));
        Assert.Equal(OpCode.Create2, header2.Type);
        Assert.Equal((int)CreateMode.EphemeralSequential, create2.Flags);
        var (_, created2) = GoldenDecode.Reply<Create2Response>(F("s2c.create2"), OpCode.Create2);
        Assert.Equal("/golden/child0000000000", created2.Path);
        var sessionId = ConnectResponse.Read(F("s2c.connect").Payload).SessionId;
        Assert.Equal(sessionId, created2.Stat.EphemeralOwner);
        Assert.Equal(1, created2.Stat.DataLength);
    }

    [Fact]
    public void Watch_fires_before_the_setData_reply()
    {
        var (_, getData) = GoldenDecode.Request<GetDataRequest>(F("c2s.getData"));
        Assert.True(getData.Watch);
        var (_, data) = GoldenDecode.Reply<GetDataResponse>(F("s2c.getData"), OpCode.GetData);
        Assert.Equal(Bytes.Utf8("hello"), data.Data);
        Assert.Equal((0, 5, 1), (data.Stat.Version, data.Stat.DataLength, data.Stat.NumChildren));

        var (_, setData) = GoldenDecode.Request<SetDataRequest>(F("c2s.setData"));
        Assert.Equal(("/golden", -1), (setData.Path, setData.Version));
        var (header, watcherEvent) = GoldenDecode.Notification(F("s2c.setData.notification"));
        Assert.Equal(ReplyHeader.Notification, header);
        Assert.Equal(new WatcherEvent((int)EventType.NodeDataChanged, (int)KeeperState.SyncConnected, "/golden"), watcherEvent);
        var keys = _golden.Frames.Select(f => f.Key).ToList();
        Assert.True(keys.IndexOf("s2c.setData.notification") < keys.IndexOf("s2c.setData"));
        var (_, stat) = GoldenDecode.Reply<SetDataResponse>(F("s2c.setData"), OpCode.SetData);
        Assert.Equal((1, 5), (stat.Stat.Version, stat.Stat.DataLength));
    }

    [Fact]
    public void Exists_found_and_missing()
    {
        var (_, exists) = GoldenDecode.Reply<ExistsResponse>(F("s2c.exists"), OpCode.Exists);
        Assert.Equal(1, exists.Stat.Version);

        var (_, missing) = GoldenDecode.Request<ExistsRequest>(F("c2s.existsMissing"));
        Assert.Equal(new ExistsRequest("/missing", false), missing);
        Assert.Equal((int)ErrorCode.NoNode, GoldenDecode.EmptyReply(F("s2c.existsMissing")).Err);
    }

    [Fact]
    public void Children_and_acl()
    {
        var (_, children) = GoldenDecode.Reply<GetChildrenResponse>(F("s2c.getChildren"), OpCode.GetChildren);
        Assert.Equal(["child0000000000"], children.Children);

        Assert.Equal(OpCode.GetChildren2, GoldenDecode.RequestHeaderOnly(F("c2s.getChildren2")).Type);
        var (_, children2) = GoldenDecode.Reply<GetChildren2Response>(F("s2c.getChildren2"), OpCode.GetChildren2);
        Assert.Equal(["child0000000000"], children2.Children);
        Assert.Equal(1, children2.Stat.NumChildren);

        var (_, acl) = GoldenDecode.Reply<GetAclResponse>(F("s2c.getACL"), OpCode.GetAcl);
        Assert.Equal(_open, Assert.Single(acl.Acl));
    }

    [Fact]
    public void Successful_multi()
    {
        var (_, request) = GoldenDecode.Request<MultiRequest>(F("c2s.multiOk"));
        Assert.Equal([1, 5, 13, 2], request.Ops.Select(op => op.Type));
        Assert.Equal(new CheckVersionRequest("/golden", 1), request.Ops[2].Record);

        var (reply, response) = GoldenDecode.Reply<MultiResponse>(F("s2c.multiOk"), OpCode.Multi);
        Assert.Equal(new OpResult.Create("/golden/m"), response.Results[0]);
        Assert.Equal(1, Assert.IsType<OpResult.SetData>(response.Results[1]).Stat.Version);
        Assert.Equal(new OpResult.Check(), response.Results[2]);
        Assert.Equal(new OpResult.Delete(), response.Results[3]);
        Assert.Equal(0, reply.Err);
    }

    [Fact]
    public void Failed_multi_reports_zero_code_then_runtime_inconsistency()
    {
        var (_, request) = GoldenDecode.Request<MultiRequest>(F("c2s.multiFail"));
        Assert.Equal([1, 13, 5], request.Ops.Select(op => op.Type));

        var (reply, response) = GoldenDecode.Reply<MultiResponse>(F("s2c.multiFail"), OpCode.Multi);
        Assert.Equal(0, reply.Err);
        Assert.Equal(
            [new OpResult.Error(0), new OpResult.Error((int)ErrorCode.BadVersion), new OpResult.Error((int)ErrorCode.RuntimeInconsistency)],
            response.Results);
    }

    [Fact]
    public void Delete_and_close_have_no_bodies()
    {
        var (_, delete) = GoldenDecode.Request<DeleteRequest>(F("c2s.delete"));
        Assert.Equal(new DeleteRequest("/golden/child0000000000", -1), delete);
        Assert.Equal(0, GoldenDecode.EmptyReply(F("s2c.delete")).Err);

        Assert.Equal(8, F("c2s.close").Payload.Length);
        Assert.Equal(OpCode.CloseSession, GoldenDecode.RequestHeaderOnly(F("c2s.close")).Type);
        Assert.Equal(0, GoldenDecode.EmptyReply(F("s2c.close")).Err);
    }
}
