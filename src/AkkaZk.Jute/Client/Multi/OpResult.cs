namespace AkkaZk.Jute;

/// <summary>
/// One result of a multi: written as MultiHeader{Type, false, HeaderErr} + body. A closed set of variants.
/// As ZooKeeper 3.8, non-error results carry header err 0; createTTL/createContainer results use Create2 (15).
/// </summary>
public abstract record OpResult
{
    private protected OpResult()
    {
    }

    /// <summary>The result type written in the MultiHeader.</summary>
    public abstract int Type { get; }

    /// <summary>The err written in the MultiHeader: the code for <see cref="Error"/>, otherwise 0.</summary>
    public int HeaderErr => this is Error error ? error.Err : 0;

    public abstract void WriteBody(JuteWriter writer);

    /// <summary>Reads the body that follows a result header.</summary>
    public static OpResult Read(MultiHeader header, ref JuteReader reader) => header.Type switch
    {
        OpCode.Create => new Create(reader.ReadString() ?? string.Empty),
        OpCode.Create2 => Create2.Read(ref reader),
        OpCode.Delete => new Delete(),
        OpCode.SetData => new SetData(Stat.Read(ref reader)),
        OpCode.Check => new Check(),
        OpCode.GetData => GetData.Read(ref reader),
        OpCode.GetChildren => new GetChildren(reader.ReadStringVector() ?? []),
        OpCode.Error => new Error(reader.ReadInt()),
        _ => throw new JuteException($"Invalid type of multi result {header.Type}"),
    };

    /// <summary>create (1): CreateResponse{path}.</summary>
    public sealed record Create(string Path) : OpResult
    {
        public override int Type => OpCode.Create;
        public override void WriteBody(JuteWriter writer) => writer.WriteString(Path);
    }

    /// <summary>create2 (15): Create2Response{path, Stat}; also for createTTL and createContainer ops.</summary>
    public sealed record Create2(string Path, Stat Stat) : OpResult
    {
        public override int Type => OpCode.Create2;

        internal static Create2 Read(ref JuteReader reader)
        {
            var path = reader.ReadString() ?? string.Empty;
            return new Create2(path, Stat.Read(ref reader));
        }

        public override void WriteBody(JuteWriter writer)
        {
            writer.WriteString(Path);
            Stat.Write(writer);
        }
    }

    /// <summary>delete (2): no body.</summary>
    public sealed record Delete() : OpResult
    {
        public override int Type => OpCode.Delete;
        public override void WriteBody(JuteWriter writer) { }
    }

    /// <summary>setData (5): SetDataResponse{Stat}.</summary>
    public sealed record SetData(Stat Stat) : OpResult
    {
        public override int Type => OpCode.SetData;
        public override void WriteBody(JuteWriter writer) => Stat.Write(writer);
    }

    /// <summary>check (13): no body.</summary>
    public sealed record Check() : OpResult
    {
        public override int Type => OpCode.Check;
        public override void WriteBody(JuteWriter writer) { }
    }

    /// <summary>getData (4) in multiRead: GetDataResponse{data, Stat}.</summary>
    public sealed record GetData(byte[]? Data, Stat Stat) : OpResult
    {
        public override int Type => OpCode.GetData;

        internal static GetData Read(ref JuteReader reader)
        {
            var data = reader.ReadBuffer();
            return new GetData(data, Stat.Read(ref reader));
        }

        public override void WriteBody(JuteWriter writer)
        {
            writer.WriteBuffer(Data);
            Stat.Write(writer);
        }
    }

    /// <summary>getChildren (8) in multiRead: GetChildrenResponse{children}.</summary>
    public sealed record GetChildren(IReadOnlyList<string> Children) : OpResult
    {
        public override int Type => OpCode.GetChildren;
        public override void WriteBody(JuteWriter writer) => writer.WriteStringVector(Children);
    }

    /// <summary>
    /// error (−1): header err = code, body ErrorResponse{code}. In a failed multi the ops before the failing
    /// one carry 0 and the ops after it −2 (RuntimeInconsistency).
    /// </summary>
    public sealed record Error(int Err) : OpResult
    {
        public override int Type => OpCode.Error;
        public override void WriteBody(JuteWriter writer) => writer.WriteInt(Err);
    }
}
