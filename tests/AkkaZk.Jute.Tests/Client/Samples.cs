namespace AkkaZk.Jute.Tests;

/// <summary>One sample of every client request and response record, keyed by a readable name.</summary>
internal static class Samples
{
    public static readonly Stat Stat = new(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

    private static readonly IReadOnlyList<Acl> _acl =
        [new Acl(Perms.All, Id.Anyone), new Acl(Perms.Read, new Id("digest", "u:hash"))];

    public static readonly IReadOnlyDictionary<string, (int OpCode, IRequestRecord Record)> Requests =
        new Dictionary<string, (int, IRequestRecord)>
        {
            ["create"] = (OpCode.Create, new CreateRequest("/a", Bytes.Utf8("x"), _acl, 0)),
            ["createNullData"] = (OpCode.Create, new CreateRequest("/a", null, _acl, 3)),
            ["create2"] = (OpCode.Create2, new CreateRequest("/a", [], _acl, 1)),
            ["createContainer"] = (OpCode.CreateContainer, new CreateRequest("/c", [1, 2], _acl, 4)),
            ["createTtl"] = (OpCode.CreateTtl, new CreateTtlRequest("/t", [9], _acl, 5, 60_000)),
            ["delete"] = (OpCode.Delete, new DeleteRequest("/a", -1)),
            ["exists"] = (OpCode.Exists, new ExistsRequest("/a", true)),
            ["getData"] = (OpCode.GetData, new GetDataRequest("/a", false)),
            ["setData"] = (OpCode.SetData, new SetDataRequest("/a", Bytes.Utf8("new"), 3)),
            ["getAcl"] = (OpCode.GetAcl, new GetAclRequest("/a")),
            ["setAcl"] = (OpCode.SetAcl, new SetAclRequest("/a", _acl, 2)),
            ["getChildren"] = (OpCode.GetChildren, new GetChildrenRequest("/", true)),
            ["sync"] = (OpCode.Sync, new SyncRequest("/a")),
            ["getChildren2"] = (OpCode.GetChildren2, new GetChildren2Request("/", false)),
            ["multi"] = (OpCode.Multi, new MultiRequest(
            [
                new MultiOp(OpCode.Create, new CreateRequest("/m", [], _acl, 0)),
                new MultiOp(OpCode.Create2, new CreateRequest("/m2", null, _acl, 2)),
                new MultiOp(OpCode.CreateContainer, new CreateRequest("/mc", [], _acl, 4)),
                new MultiOp(OpCode.CreateTtl, new CreateTtlRequest("/mt", [], _acl, 6, 5)),
                new MultiOp(OpCode.Delete, new DeleteRequest("/m", 0)),
                new MultiOp(OpCode.SetData, new SetDataRequest("/m2", [7], -1)),
                new MultiOp(OpCode.Check, new CheckVersionRequest("/m2", 1)),
            ])),
            ["multiRead"] = (OpCode.MultiRead, new MultiRequest(
            [
                new MultiOp(OpCode.GetData, new GetDataRequest("/a", false)),
                new MultiOp(OpCode.GetChildren, new GetChildrenRequest("/", false)),
            ])),
            ["multiEmpty"] = (OpCode.Multi, new MultiRequest([])),
            ["reconfig"] = (OpCode.Reconfig, new ReconfigRequest("server.4=h:1:2", null, null, -1)),
            ["checkWatches"] = (OpCode.CheckWatches, new CheckWatchesRequest("/a", (int)WatcherType.Data)),
            ["removeWatches"] = (OpCode.RemoveWatches, new RemoveWatchesRequest("/a", (int)WatcherType.Any)),
            ["deleteContainer"] = (OpCode.DeleteContainer, new DeleteContainerRequest("/c")),
            ["auth"] = (OpCode.Auth, new AuthPacket(0, "digest", Bytes.Utf8("u:p"))),
            ["setWatches"] = (OpCode.SetWatches, new SetWatches(42, ["/d"], ["/e1", "/e2"], [])),
            ["sasl"] = (OpCode.Sasl, new GetSaslRequest([1, 2, 3])),
            ["getEphemerals"] = (OpCode.GetEphemerals, new GetEphemeralsRequest("/")),
            ["getAllChildrenNumber"] = (OpCode.GetAllChildrenNumber, new GetAllChildrenNumberRequest("/a")),
            ["setWatches2"] = (OpCode.SetWatches2, new SetWatches2(7, ["/d"], [], ["/c"], ["/p"], ["/r1", "/r2"])),
            ["addWatch"] = (OpCode.AddWatch, new AddWatchRequest("/a", (int)AddWatchMode.PersistentRecursive)),
        };

    public static readonly IReadOnlyDictionary<string, (int OpCode, IResponseRecord Record)> Responses =
        new Dictionary<string, (int, IResponseRecord)>
        {
            ["create"] = (OpCode.Create, new CreateResponse("/a0000000001")),
            ["create2"] = (OpCode.Create2, new Create2Response("/a", Stat)),
            ["exists"] = (OpCode.Exists, new ExistsResponse(Stat)),
            ["getData"] = (OpCode.GetData, new GetDataResponse(Bytes.Utf8("data"), Stat)),
            ["getDataNull"] = (OpCode.GetData, new GetDataResponse(null, Stat)),
            ["setData"] = (OpCode.SetData, new SetDataResponse(Stat)),
            ["getAcl"] = (OpCode.GetAcl, new GetAclResponse(_acl, Stat)),
            ["setAcl"] = (OpCode.SetAcl, new SetAclResponse(Stat)),
            ["getChildren"] = (OpCode.GetChildren, new GetChildrenResponse(["a", "b"])),
            ["getChildren2"] = (OpCode.GetChildren2, new GetChildren2Response(["x"], Stat)),
            ["sync"] = (OpCode.Sync, new SyncResponse("/a")),
            ["getAllChildrenNumber"] = (OpCode.GetAllChildrenNumber, new GetAllChildrenNumberResponse(12)),
            ["getEphemerals"] = (OpCode.GetEphemerals, new GetEphemeralsResponse(["/e1", "/x/e2"])),
            ["addWatch"] = (OpCode.AddWatch, new ErrorResponse(0)),
            ["sasl"] = (OpCode.Sasl, new SetSaslResponse([4, 5])),
            ["whoAmI"] = (OpCode.WhoAmI, new WhoAmIResponse([new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "u")])),
            ["reconfig"] = (OpCode.Reconfig, new GetDataResponse(Bytes.Utf8("server.1=h:1:2\nversion=0"), Stat)),
            ["multi"] = (OpCode.Multi, new MultiResponse(
            [
                new OpResult.Create("/m"),
                new OpResult.Create2("/m2", Stat),
                new OpResult.Delete(),
                new OpResult.SetData(Stat),
                new OpResult.Check(),
            ])),
            ["multiFailed"] = (OpCode.Multi, new MultiResponse(
                [new OpResult.Error(0), new OpResult.Error((int)ErrorCode.NoNode), new OpResult.Error(-2)])),
            ["multiRead"] = (OpCode.MultiRead, new MultiResponse(
            [
                new OpResult.GetData(Bytes.Utf8("d"), Stat),
                new OpResult.Error((int)ErrorCode.NoNode),
                new OpResult.GetChildren(["c"]),
            ])),
            ["multiEmpty"] = (OpCode.Multi, new MultiResponse([])),
        };

    public static TheoryData<string> RequestNames => [.. Requests.Keys];
    public static TheoryData<string> ResponseNames => [.. Responses.Keys];
}
