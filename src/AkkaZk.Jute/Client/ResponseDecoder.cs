namespace AkkaZk.Jute;

/// <summary>Maps a request type to the record of its successful reply (for clients, tests and tools).</summary>
public static class ResponseDecoder
{
    /// <summary>
    /// Reads the body of a reply with err 0 to a request of type <paramref name="opcode"/>; null when that reply
    /// has no body (delete, ping, setWatches, auth, ...). A reply with err ≠ 0 has no body: do not call this.
    /// </summary>
    public static IResponseRecord? Decode(int opcode, ref JuteReader reader) => opcode switch
    {
        OpCode.Create => CreateResponse.Read(ref reader),
        OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl => Create2Response.Read(ref reader),
        OpCode.Exists => ExistsResponse.Read(ref reader),
        OpCode.GetData or OpCode.Reconfig => GetDataResponse.Read(ref reader),
        OpCode.SetData => SetDataResponse.Read(ref reader),
        OpCode.GetAcl => GetAclResponse.Read(ref reader),
        OpCode.SetAcl => SetAclResponse.Read(ref reader),
        OpCode.GetChildren => GetChildrenResponse.Read(ref reader),
        OpCode.Sync => SyncResponse.Read(ref reader),
        OpCode.GetChildren2 => GetChildren2Response.Read(ref reader),
        OpCode.Multi or OpCode.MultiRead => MultiResponse.Read(ref reader),
        OpCode.Sasl => SetSaslResponse.Read(ref reader),
        OpCode.GetEphemerals => GetEphemeralsResponse.Read(ref reader),
        OpCode.GetAllChildrenNumber => GetAllChildrenNumberResponse.Read(ref reader),
        OpCode.AddWatch => ErrorResponse.Read(ref reader),
        OpCode.WhoAmI => WhoAmIResponse.Read(ref reader),
        _ => null,
    };
}
