namespace AkkaZk.Jute.Tests;

public sealed class RequestDecoderTests
{
    private static void Decode(int opcode)
    {
        var reader = new JuteReader(new byte[64]);
        RequestDecoder.Decode(opcode, ref reader);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(10)]
    [InlineData(23)]
    [InlineData(99)]
    [InlineData(108)]
    [InlineData(-1)]
    [InlineData(-10)]
    [InlineData(int.MaxValue)]
    public void Invalid_client_opcodes_are_unknown(int opcode)
    {
        Assert.False(RequestDecoder.IsKnownClientOpCode(opcode));
        var thrown = Assert.Throws<UnknownOpCodeException>(() => Decode(opcode));
        Assert.Equal(opcode, thrown.OpCode);
    }

    [Fact]
    public void Known_client_opcodes_are_exactly_the_3_8_request_types()
    {
        int[] known = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 100, 101, 102, 103, 104, 105, 106, 107, -11];

        Assert.All(known, opcode => Assert.True(RequestDecoder.IsKnownClientOpCode(opcode)));
        Assert.Equal(known.Order(), Enumerable.Range(-20, 200).Where(RequestDecoder.IsKnownClientOpCode));
        var samples = Samples.Requests.Values.Select(s => s.OpCode).Concat([11, 107, -11]).ToHashSet();
        Assert.All(known, opcode => Assert.Contains(opcode, samples));
    }

    [Fact]
    public void Writes_are_the_ops_that_consume_a_zxid()
    {
        int[] writes = [1, 2, 5, 7, 13, 14, 15, 16, 19, 20, 21, -10, -11];

        Assert.Equal(writes.Order(), Enumerable.Range(-20, 200).Where(RequestDecoder.IsWrite));
    }

    [Fact]
    public void Decode_of_a_payload_reads_the_header_first()
    {
        var writer = new JuteWriter();
        new RequestHeader(9, OpCode.Exists).Write(writer);
        new ExistsRequest("/z", true).Write(writer);

        var record = RequestDecoder.Decode(writer.WrittenSpan, out var header);

        Assert.Equal(new RequestHeader(9, OpCode.Exists), header);
        Assert.Equal(new ExistsRequest("/z", true), record);
    }
}
