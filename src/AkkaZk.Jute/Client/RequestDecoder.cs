namespace AkkaZk.Jute;

/// <summary>Maps a client request type to its record (ZooKeeper 3.8 opcodes).</summary>
public static class RequestDecoder
{
    /// <summary>
    /// Reads the body of a request of type <paramref name="opcode"/>. Returns null for the types without a body
    /// (ping 11, closeSession −11, whoAmI 107). Throws <see cref="UnknownOpCodeException"/> for a type that is not a
    /// valid client request and <see cref="JuteException"/> for a malformed body. Trailing bytes are ignored, as in ZooKeeper.
    /// </summary>
    public static IRequestRecord? Decode(int opcode, ref JuteReader reader) => opcode switch
    {
        OpCode.Create or OpCode.Create2 or OpCode.CreateContainer => CreateRequest.Read(ref reader),
        OpCode.CreateTtl => CreateTtlRequest.Read(ref reader),
        OpCode.Delete => DeleteRequest.Read(ref reader),
        OpCode.Exists => ExistsRequest.Read(ref reader),
        OpCode.GetData => GetDataRequest.Read(ref reader),
        OpCode.SetData => SetDataRequest.Read(ref reader),
        OpCode.GetAcl => GetAclRequest.Read(ref reader),
        OpCode.SetAcl => SetAclRequest.Read(ref reader),
        OpCode.GetChildren => GetChildrenRequest.Read(ref reader),
        OpCode.Sync => SyncRequest.Read(ref reader),
        OpCode.GetChildren2 => GetChildren2Request.Read(ref reader),
        OpCode.Multi or OpCode.MultiRead => MultiRequest.Read(ref reader),
        OpCode.Reconfig => ReconfigRequest.Read(ref reader),
        OpCode.CheckWatches => CheckWatchesRequest.Read(ref reader),
        OpCode.RemoveWatches => RemoveWatchesRequest.Read(ref reader),
        OpCode.DeleteContainer => DeleteContainerRequest.Read(ref reader),
        OpCode.Auth => AuthPacket.Read(ref reader),
        OpCode.SetWatches => SetWatches.Read(ref reader),
        OpCode.Sasl => GetSaslRequest.Read(ref reader),
        OpCode.GetEphemerals => GetEphemeralsRequest.Read(ref reader),
        OpCode.GetAllChildrenNumber => GetAllChildrenNumberRequest.Read(ref reader),
        OpCode.SetWatches2 => SetWatches2.Read(ref reader),
        OpCode.AddWatch => AddWatchRequest.Read(ref reader),
        OpCode.Ping or OpCode.CloseSession or OpCode.WhoAmI => null,
        _ => throw new UnknownOpCodeException(opcode),
    };

    /// <summary>Decodes a whole request payload (the frame without its length): header, then body.</summary>
    public static IRequestRecord? Decode(ReadOnlySpan<byte> payload, out RequestHeader header)
    {
        var reader = new JuteReader(payload);
        header = RequestHeader.Read(ref reader);
        return Decode(header.Type, ref reader);
    }

    /// <summary>
    /// True for the types a client may send after the handshake. Not: notification 0, a top-level check 13
    /// (only legal inside multi), createSession −10 (internal), error −1 and anything unlisted.
    /// </summary>
    public static bool IsKnownClientOpCode(int opcode) => opcode switch
    {
        >= OpCode.Create and <= OpCode.Sync => true,
        >= OpCode.Ping and <= OpCode.MultiRead => opcode != OpCode.Check,
        >= OpCode.Auth and <= OpCode.WhoAmI => true,
        OpCode.CloseSession => true,
        _ => false,
    };

    /// <summary>
    /// True for the types that go through the write pipeline and consume a zxid (even when they fail):
    /// create*, delete, setData, setACL, check, multi, reconfig, deleteContainer, createSession, closeSession.
    /// multiRead (22) and sync (9) are not writes.
    /// </summary>
    public static bool IsWrite(int opcode) => opcode switch
    {
        OpCode.Create or OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl => true,
        OpCode.Delete or OpCode.DeleteContainer or OpCode.SetData or OpCode.SetAcl or OpCode.Check => true,
        OpCode.Multi or OpCode.Reconfig or OpCode.CreateSession or OpCode.CloseSession => true,
        _ => false,
    };
}
