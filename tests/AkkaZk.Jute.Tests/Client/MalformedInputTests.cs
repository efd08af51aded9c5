namespace AkkaZk.Jute.Tests;

public sealed class MalformedInputTests
{
    private static void Decode(int opcode, byte[] bytes)
    {
        var reader = new JuteReader(bytes);
        RequestDecoder.Decode(opcode, ref reader);
    }

    private static void DecodeResponse(int opcode, byte[] bytes)
    {
        var reader = new JuteReader(bytes);
        ResponseDecoder.Decode(opcode, ref reader);
    }

    private static void AssertJuteException(Action action)
    {
        // Exactly JuteException: never IndexOutOfRange, ArgumentOutOfRange or OutOfMemory.
        var thrown = Record.Exception(action);
        Assert.NotNull(thrown);
        Assert.IsType<JuteException>(thrown);
    }

    [Theory]
    [MemberData(nameof(Samples.RequestNames), MemberType = typeof(Samples))]
    public void Every_truncation_of_a_request_throws_JuteException(string name)
    {
        var (opcode, record) = Samples.Requests[name];
        if (record is DeleteContainerRequest) return; // its body is "the rest of the frame": any prefix is a path
        var bytes = Bytes.Of(record.Write);

        for (var length = 0; length < bytes.Length; length++)
            AssertJuteException(() => Decode(opcode, bytes[..length]));
    }

    [Theory]
    [MemberData(nameof(Samples.ResponseNames), MemberType = typeof(Samples))]
    public void Every_truncation_of_a_response_throws_JuteException(string name)
    {
        var (opcode, record) = Samples.Responses[name];
        var bytes = Bytes.Of(record.Write);

        for (var length = 0; length < bytes.Length; length++)
            AssertJuteException(() => DecodeResponse(opcode, bytes[..length]));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(JuteReader.DefaultMaxFieldLength + 1)]
    [InlineData(100)]
    public void Bad_string_lengths_throw(int length)
    {
        var bytes = Bytes.Of(w => { w.WriteInt(length); w.WriteRaw(Bytes.Utf8("/abc")); w.WriteBool(true); });

        AssertJuteException(() => Decode(OpCode.GetData, bytes));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MaxValue)]
    [InlineData(1000)]
    public void Bad_buffer_lengths_throw(int length)
    {
        var bytes = Bytes.Of(w => { w.WriteString("/a"); w.WriteInt(length); w.WriteRaw(new byte[8]); w.WriteInt(-1); });

        AssertJuteException(() => Decode(OpCode.SetData, bytes));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(50)]
    public void Vector_counts_beyond_the_buffer_throw(int count)
    {
        var acl = Bytes.Of(w => { w.WriteString("/a"); w.WriteBuffer([]); w.WriteInt(count); w.WriteInt(31); });
        var children = Bytes.Of(w => { w.WriteInt(count); w.WriteString("a"); });
        var watches = Bytes.Of(w => { w.WriteLong(0); w.WriteInt(count); });
        var whoAmI = Bytes.Of(w => { w.WriteInt(count); w.WriteString("ip"); });

        AssertJuteException(() => Decode(OpCode.Create, acl));
        AssertJuteException(() => DecodeResponse(OpCode.GetChildren, children));
        AssertJuteException(() => Decode(OpCode.SetWatches, watches));
        AssertJuteException(() => DecodeResponse(OpCode.WhoAmI, whoAmI));
    }

    [Fact]
    public void Garbage_multi_headers_throw()
    {
        var bytes = Bytes.Of(w => { w.WriteInt(12345); w.WriteBool(false); w.WriteInt(-1); });

        AssertJuteException(() => Decode(OpCode.Multi, bytes));
        AssertJuteException(() => DecodeResponse(OpCode.Multi, bytes));
    }

    [Fact]
    public void Random_bytes_never_escape_as_anything_but_JuteException_or_success()
    {
        var random = new Random(20240611);
        int[] opcodes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 15, 16, 17, 18, 19, 21, 22, 100, 101, 102, 103, 104, 105, 106];
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            var opcode = opcodes[random.Next(opcodes.Length)];
            var thrown = Record.Exception(() => Decode(opcode, bytes));
            if (thrown is not null) Assert.IsType<JuteException>(thrown);
            thrown = Record.Exception(() => DecodeResponse(opcode, bytes));
            if (thrown is not null) Assert.IsType<JuteException>(thrown);
        }
    }
}
