namespace AkkaZk.Jute.Tests.Golden;

/// <summary>Field checks on the raw jute session captured from ZooKeeper 3.8.0 (raw-session.hex).</summary>
public sealed class RawSessionTests
{
    private static readonly GoldenFrames _golden = GoldenFrames.Load("raw-session.hex");

    private static GoldenFrame F(string key) => _golden[key];

    [Fact]
    public void Old_client_handshake_is_44_then_36_bytes()
    {
        Assert.Equal(44, F("c2s.connect44").Payload.Length);
        Assert.Null(ConnectRequest.Read(F("c2s.connect44").Payload).ReadOnly);
        Assert.Equal(36, F("s2c.connect44").Payload.Length);
        var response = ConnectResponse.Read(F("s2c.connect44").Payload);
        Assert.Null(response.ReadOnly);
        Assert.Equal(30_000, response.TimeOut);
    }

    [Fact]
    public void Ping_has_no_bodies()
    {
        Assert.Equal(new RequestHeader(Xids.Ping, OpCode.Ping), GoldenDecode.RequestHeaderOnly(F("c2s.ping")));
        var reply = GoldenDecode.EmptyReply(F("s2c.ping"));
        Assert.Equal((Xids.Ping, 0), (reply.Xid, reply.Err));
        Assert.True(reply.Zxid > 0);
    }

    [Fact]
    public void Container_and_ttl_creates_answer_create2()
    {
        var (_, container) = GoldenDecode.Request<CreateRequest>(F("c2s.createContainer"));
        Assert.Equal((int)CreateMode.Container, container.Flags);
        Assert.Equal("/raw/c", GoldenDecode.Reply<Create2Response>(F("s2c.createContainer"), OpCode.CreateContainer).Record.Path);

        var (header, ttl) = GoldenDecode.Request<CreateTtlRequest>(F("c2s.createTTL"));
        Assert.Equal(OpCode.CreateTtl, header.Type);
        Assert.Equal(((int)CreateMode.PersistentWithTtl, 60_000L), (ttl.Flags, ttl.Ttl));
        Assert.Equal("/raw/t", GoldenDecode.Reply<Create2Response>(F("s2c.createTTL"), OpCode.CreateTtl).Record.Path);
    }

    [Fact]
    public void WhoAmI_children_number_and_ephemerals()
    {
        Assert.Equal(8, F("c2s.whoAmI").Payload.Length);
        var (_, whoAmI) = GoldenDecode.Reply<WhoAmIResponse>(F("s2c.whoAmI"), OpCode.WhoAmI);
        Assert.Equal(new ClientInfo("ip", "127.0.0.1"), Assert.Single(whoAmI.ClientInfo));

        Assert.Equal(3, GoldenDecode.Reply<GetAllChildrenNumberResponse>(F("s2c.getAllChildrenNumber"), OpCode.GetAllChildrenNumber).Record.TotalNumber);

        Assert.Equal(new GetEphemeralsRequest("/"), GoldenDecode.Request<GetEphemeralsRequest>(F("c2s.getEphemerals")).Record);
        Assert.Equal(["/raw/e"], GoldenDecode.Reply<GetEphemeralsResponse>(F("s2c.getEphemerals"), OpCode.GetEphemerals).Record.Ephemerals);
    }

    [Fact]
    public void AddWatch_reply_is_an_ErrorResponse_of_zero()
    {
        Assert.Equal(new AddWatchRequest("/raw", 1), GoldenDecode.Request<AddWatchRequest>(F("c2s.addWatch")).Record);
        Assert.Equal(new ErrorResponse(0), GoldenDecode.Reply<ErrorResponse>(F("s2c.addWatch"), OpCode.AddWatch).Record);
        Assert.Equal(20, F("s2c.addWatch").Payload.Length);
    }

    [Fact]
    public void SetAcl_bumps_aversion()
    {
        var (_, setAcl) = GoldenDecode.Request<SetAclRequest>(F("c2s.setACL"));
        Assert.Equal(0, setAcl.Version);
        Assert.Equal(1, GoldenDecode.Reply<SetAclResponse>(F("s2c.setACL"), OpCode.SetAcl).Record.Stat.Aversion);
    }

    [Fact]
    public void MultiRead_reports_each_op_independently()
    {
        var (header, request) = GoldenDecode.Request<MultiRequest>(F("c2s.multiRead"));
        Assert.Equal(OpCode.MultiRead, header.Type);
        Assert.True(request.IsRead);

        var (_, response) = GoldenDecode.Reply<MultiResponse>(F("s2c.multiRead"), OpCode.MultiRead);
        Assert.Equal(Bytes.Utf8("raw"), Assert.IsType<OpResult.GetData>(response.Results[0]).Data);
        Assert.Equal(new OpResult.Error((int)ErrorCode.NoNode), response.Results[1]);
        Assert.Equal(["c", "e", "t"], Assert.IsType<OpResult.GetChildren>(response.Results[2]).Children.Order());
    }

    [Fact]
    public void Multi_create2_and_ttl_sub_ops_on_3_8_0()
    {
        var (_, request) = GoldenDecode.Request<MultiRequest>(F("c2s.multiCreates"));
        Assert.Equal([OpCode.Create2, OpCode.CreateTtl], request.Ops.Select(op => op.Type));
        Assert.Equal([OpCode.Create2, OpCode.CreateTtl], request.Ops.Select(op => op.EffectiveType));
        Assert.Null(Assert.IsType<CreateTtlRequest>(request.Ops[1].Record).Data);

        // 3.8.0/3.8.1 answer a create2 sub-op as create (type 1, no Stat); 3.8.2+ keep 15. createTTL gives 15.
        var (_, response) = GoldenDecode.Reply<MultiResponse>(F("s2c.multiCreates"), OpCode.Multi);
        Assert.Equal(new OpResult.Create("/raw/m2"), response.Results[0]);
        Assert.Equal("/raw/mt", Assert.IsType<OpResult.Create2>(response.Results[1]).Path);
    }

    [Fact]
    public void Empty_multi_consumes_a_zxid_and_returns_the_end_marker()
    {
        Assert.Empty(GoldenDecode.Request<MultiRequest>(F("c2s.multiEmpty")).Record.Ops);
        var (reply, response) = GoldenDecode.Reply<MultiResponse>(F("s2c.multiEmpty"), OpCode.Multi);
        Assert.Empty(response.Results);
        Assert.True(reply.Zxid > GoldenDecode.Reply<MultiResponse>(F("s2c.multiCreates"), OpCode.Multi).Header.Zxid);
    }

    [Fact]
    public void SetWatches2_catch_up_event_precedes_its_reply()
    {
        var (header, setWatches) = GoldenDecode.Request<SetWatches2>(F("c2s.setWatches2"));
        Assert.Equal(new RequestHeader(Xids.SetWatches, OpCode.SetWatches2), header);
        Assert.Equal((0L, "/raw", "/nothere"), (setWatches.RelativeZxid, setWatches.DataWatches.Single(), setWatches.ExistWatches.Single()));

        Assert.Equal(new WatcherEvent(3, 3, "/raw"), GoldenDecode.Notification(F("s2c.setWatches2.notification")).Event);
        Assert.Equal(Xids.SetWatches, GoldenDecode.EmptyReply(F("s2c.setWatches2")).Xid);
    }

    [Fact]
    public void Watch_removal_check_and_reconfig_errors()
    {
        Assert.Equal(new RemoveWatchesRequest("/nothere", (int)WatcherType.Data), GoldenDecode.Request<RemoveWatchesRequest>(F("c2s.removeWatches")).Record);
        Assert.Equal(0, GoldenDecode.EmptyReply(F("s2c.removeWatches")).Err);
        Assert.Equal((int)ErrorCode.NoWatcher, GoldenDecode.EmptyReply(F("s2c.checkWatches")).Err);

        var (_, reconfig) = GoldenDecode.Request<ReconfigRequest>(F("c2s.reconfig"));
        Assert.Equal(new ReconfigRequest(null, null, "server.1=127.0.0.1:2888:3888", -1), reconfig);
        Assert.Equal((int)ErrorCode.ReconfigDisabled, GoldenDecode.EmptyReply(F("s2c.reconfig")).Err);
    }

    [Fact]
    public void Sync_echoes_the_path()
    {
        Assert.Equal(new SyncResponse("/raw"), GoldenDecode.Reply<SyncResponse>(F("s2c.sync"), OpCode.Sync).Record);
    }

    [Fact]
    public void Top_level_check_is_not_a_client_request_for_us()
    {
        // ZooKeeper 3.8.0 itself ran it as a write: a failing check got BadVersion with a fresh zxid, and a
        // passing one got no reply at all (captured: c2s.checkTopLevelOk has no s2c frame).
        Assert.Equal(OpCode.Check, GoldenDecode.RequestHeaderOnly(F("c2s.checkTopLevel")).Type);
        Assert.False(RequestDecoder.IsKnownClientOpCode(OpCode.Check));
        Assert.Equal((int)ErrorCode.BadVersion, GoldenDecode.EmptyReply(F("s2c.checkTopLevel")).Err);
        Assert.False(_golden.Contains("s2c.checkTopLevelOk"));
    }

    [Fact]
    public void Unknown_opcode_gets_unimplemented_with_zxid_minus_one()
    {
        Assert.False(RequestDecoder.IsKnownClientOpCode(GoldenDecode.RequestHeaderOnly(F("c2s.unknownOpcode")).Type));
        var reply = GoldenDecode.EmptyReply(F("s2c.unknownOpcode"));
        Assert.Equal((-1L, (int)ErrorCode.Unimplemented), (reply.Zxid, reply.Err));
    }
}
