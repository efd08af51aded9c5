using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>Names for opcodes and error codes in reports (ZooKeeper's own spelling).</summary>
public static class OpNames
{
    public static string Of(int opCode) => opCode switch
    {
        OpCode.Create => "create",
        OpCode.Delete => "delete",
        OpCode.Exists => "exists",
        OpCode.GetData => "getData",
        OpCode.SetData => "setData",
        OpCode.GetChildren => "getChildren",
        OpCode.Multi => "multi",
        OpCode.MultiRead => "multiRead",
        OpCode.CloseSession => "closeSession",
        _ => $"op{opCode}",
    };

    public static string ErrorName(int err) =>
        err == ReplyStatus.MalformedReply ? "MalformedReply"
        : Enum.IsDefined(typeof(ErrorCode), err) ? ((ErrorCode)err).ToString() : $"err{err}";
}
