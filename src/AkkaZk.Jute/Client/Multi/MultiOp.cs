namespace AkkaZk.Jute;

/// <summary>
/// One op of a multi request: the type as sent in its MultiHeader and the record that followed it.
/// Allowed types: writes 1, 15, 19, 21, 2, 5, 13; reads 4 and 8.
/// </summary>
public sealed record MultiOp(int Type, IRequestRecord Record)
{
    public bool IsRead => Type is OpCode.GetData or OpCode.GetChildren;

    /// <summary>
    /// The op a create sub-op really performs, as ZooKeeper 3.8.2+ derives it from the flags: TTL flags give
    /// createTTL (21), the container flag gives createContainer (19), otherwise the type as sent (1 stays 1,
    /// 15 stays 15). 3.8.0/3.8.1 also turned 15 into 1; that old behaviour is deliberately not reproduced.
    /// </summary>
    public int EffectiveType
    {
        get
        {
            var flags = Record switch
            {
                CreateRequest create => create.Flags,
                CreateTtlRequest createTtl => createTtl.Flags,
                _ => -1,
            };
            if (flags < 0) return Type;
            var mode = (CreateMode)flags;
            if (mode.IsTtl()) return OpCode.CreateTtl;
            if (mode.IsContainer()) return OpCode.CreateContainer;
            return Type;
        }
    }

    /// <summary>Reads the record that follows a MultiHeader of the given type.</summary>
    public static MultiOp Read(int type, ref JuteReader reader)
    {
        IRequestRecord record = type switch
        {
            OpCode.Create or OpCode.Create2 or OpCode.CreateContainer => CreateRequest.Read(ref reader),
            OpCode.CreateTtl => CreateTtlRequest.Read(ref reader),
            OpCode.Delete => DeleteRequest.Read(ref reader),
            OpCode.SetData => SetDataRequest.Read(ref reader),
            OpCode.Check => CheckVersionRequest.Read(ref reader),
            OpCode.GetData => GetDataRequest.Read(ref reader),
            OpCode.GetChildren => GetChildrenRequest.Read(ref reader),
            _ => throw new JuteException($"Invalid type of op {type} in multi"),
        };
        return new MultiOp(type, record);
    }
}
