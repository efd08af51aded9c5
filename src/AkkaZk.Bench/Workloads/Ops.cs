using AkkaZk.Bench.Net;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Workloads;

/// <summary>Builds the requests the workloads send (open ACL, unconditional versions, no watches).</summary>
public static class Ops
{
    public static Op Create(string path, byte[]? data, CreateMode mode = CreateMode.Persistent) =>
        new(OpCode.Create, new CreateRequest(path, data, Acl.OpenAclUnsafe, (int)mode));

    public static Op Delete(string path) => new(OpCode.Delete, new DeleteRequest(path, -1));
    public static Op GetData(string path) => new(OpCode.GetData, new GetDataRequest(path, false));
    public static Op SetData(string path, byte[] data) => new(OpCode.SetData, new SetDataRequest(path, data, -1));
    public static Op Exists(string path) => new(OpCode.Exists, new ExistsRequest(path, false));
    public static Op GetChildren(string path) => new(OpCode.GetChildren, new GetChildrenRequest(path, false));

    public static Op MultiSetData(IEnumerable<string> paths, byte[] data) =>
        new(OpCode.Multi, new MultiRequest(paths.Select(p => new MultiOp(OpCode.SetData, new SetDataRequest(p, data, -1))).ToList()));
}
