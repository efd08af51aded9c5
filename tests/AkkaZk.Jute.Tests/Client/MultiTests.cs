namespace AkkaZk.Jute.Tests;

public sealed class MultiTests
{
    private static readonly IReadOnlyList<Acl> _open = Acl.OpenAclUnsafe;

    private static MultiRequest ReadRequest(byte[] bytes)
    {
        var reader = new JuteReader(bytes);
        var request = MultiRequest.Read(ref reader);
        Assert.True(reader.AtEnd);
        return request;
    }

    private static MultiResponse ReadResponse(byte[] bytes)
    {
        var reader = new JuteReader(bytes);
        return MultiResponse.Read(ref reader);
    }

    private static byte[] Header(int type, bool done, int err) => Bytes.Of(new MultiHeader(type, done, err).Write);

    [Fact]
    public void Request_is_headers_and_records_then_the_end_marker()
    {
        var request = new MultiRequest([new MultiOp(OpCode.Delete, new DeleteRequest("/a", 2))]);

        var expected = Header(2, false, -1).Concat(Bytes.Of(new DeleteRequest("/a", 2).Write))
            .Concat(Header(-1, true, -1)).ToArray();
        Assert.Equal(expected, Bytes.Of(request.Write));
    }

    [Fact]
    public void Empty_multi_is_only_the_end_marker()
    {
        var bytes = Bytes.Of(new MultiRequest([]).Write);

        Assert.Equal(Convert.FromHexString("FFFFFFFF01FFFFFFFF"), bytes);
        var decoded = ReadRequest(bytes);
        Assert.Empty(decoded.Ops);
        Assert.False(decoded.IsRead);
    }

    [Fact]
    public void Sub_op_types_are_kept_as_sent()
    {
        var bytes = Bytes.Of(Samples.Requests["multi"].Record.Write);

        var decoded = ReadRequest(bytes);

        Assert.Equal([1, 15, 19, 21, 2, 5, 13], decoded.Ops.Select(op => op.Type));
        Assert.IsType<CreateTtlRequest>(decoded.Ops[3].Record);
        Assert.IsType<CheckVersionRequest>(decoded.Ops[6].Record);
        Assert.False(decoded.IsRead);
    }

    [Theory]
    [InlineData(OpCode.Create, 0, OpCode.Create)]
    [InlineData(OpCode.Create2, 0, OpCode.Create2)]
    [InlineData(OpCode.Create2, 3, OpCode.Create2)]
    [InlineData(OpCode.Create, 4, OpCode.CreateContainer)]
    [InlineData(OpCode.Create2, 4, OpCode.CreateContainer)]
    [InlineData(OpCode.Create, 5, OpCode.CreateTtl)]
    [InlineData(OpCode.Create2, 6, OpCode.CreateTtl)]
    [InlineData(OpCode.CreateContainer, 0, OpCode.CreateContainer)]
    [InlineData(OpCode.Create, 9, OpCode.Create)]
    public void Effective_type_of_a_create_follows_the_flags(int type, int flags, int expected)
    {
        var op = new MultiOp(type, new CreateRequest("/a", [], _open, flags));

        Assert.Equal(expected, op.EffectiveType);
    }

    [Fact]
    public void Effective_type_of_a_ttl_create_and_of_other_ops()
    {
        Assert.Equal(OpCode.CreateTtl, new MultiOp(OpCode.CreateTtl, new CreateTtlRequest("/a", [], _open, 5, 1)).EffectiveType);
        Assert.Equal(OpCode.Delete, new MultiOp(OpCode.Delete, new DeleteRequest("/a", -1)).EffectiveType);
        Assert.Equal(OpCode.Check, new MultiOp(OpCode.Check, new CheckVersionRequest("/a", 0)).EffectiveType);
    }

    [Fact]
    public void Read_only_multi_is_a_read()
    {
        var decoded = ReadRequest(Bytes.Of(Samples.Requests["multiRead"].Record.Write));

        Assert.True(decoded.IsRead);
        Assert.IsType<GetDataRequest>(decoded.Ops[0].Record);
        Assert.IsType<GetChildrenRequest>(decoded.Ops[1].Record);
    }

    [Fact]
    public void Mixing_reads_and_writes_throws()
    {
        var bytes = Bytes.Of(new MultiRequest(
        [
            new MultiOp(OpCode.Delete, new DeleteRequest("/a", -1)),
            new MultiOp(OpCode.GetData, new GetDataRequest("/a", false)),
        ]).Write);

        Assert.Throws<JuteException>(() => ReadRequest(bytes));
    }

    [Theory]
    [InlineData(OpCode.Exists)]
    [InlineData(OpCode.GetChildren2)]
    [InlineData(OpCode.SetAcl)]
    [InlineData(OpCode.Multi)]
    [InlineData(OpCode.Sync)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Sub_op_types_outside_the_allowed_set_throw(int type)
    {
        var bytes = Header(type, false, -1).Concat(Bytes.Of(new SyncRequest("/a").Write)).Concat(Header(-1, true, -1)).ToArray();

        Assert.Throws<JuteException>(() => ReadRequest(bytes));
    }

    [Fact]
    public void Missing_end_marker_throws()
    {
        var bytes = Header(OpCode.Delete, false, -1).Concat(Bytes.Of(new DeleteRequest("/a", 1).Write)).ToArray();

        Assert.Throws<JuteException>(() => ReadRequest(bytes));
    }

    [Fact]
    public void Failed_multi_response_encodes_errors_in_header_and_body()
    {
        // As ZooKeeper 3.8 for create-ok, delete-missing, setData: 0 / code / −2, each header err = body err.
        var response = new MultiResponse(
            [new OpResult.Error(0), new OpResult.Error((int)ErrorCode.NoNode), new OpResult.Error(-2)]);

        var expected = Convert.FromHexString(
            "FFFFFFFF" + "00" + "00000000" + "00000000"
            + "FFFFFFFF" + "00" + "FFFFFF9B" + "FFFFFF9B"
            + "FFFFFFFF" + "00" + "FFFFFFFE" + "FFFFFFFE"
            + "FFFFFFFF" + "01" + "FFFFFFFF");
        var bytes = Bytes.Of(response.Write);
        Assert.Equal(expected, bytes);
        Assert.Equal(response.Results, ReadResponse(bytes).Results);
    }

    [Fact]
    public void Successful_results_carry_header_err_zero_and_their_bodies()
    {
        var response = (MultiResponse)Samples.Responses["multi"].Record;
        var bytes = Bytes.Of(response.Write);

        var reader = new JuteReader(bytes);
        var first = MultiHeader.Read(ref reader);
        Assert.Equal(new MultiHeader(OpCode.Create, false, 0), first);
        var decoded = ReadResponse(bytes);
        Assert.Equal(response.Results, decoded.Results);
        Assert.Equal([1, 15, 2, 5, 13], decoded.Results.Select(r => r.Type));
        Assert.All(decoded.Results, r => Assert.Equal(0, r.HeaderErr));
    }

    [Fact]
    public void Multi_read_results_round_trip()
    {
        var response = (MultiResponse)Samples.Responses["multiRead"].Record;

        var decoded = ReadResponse(Bytes.Of(response.Write));

        var getData = Assert.IsType<OpResult.GetData>(decoded.Results[0]);
        Assert.Equal(Bytes.Utf8("d"), getData.Data);
        Assert.Equal(Samples.Stat, getData.Stat);
        Assert.Equal(new OpResult.Error(-101), decoded.Results[1]);
        Assert.Equal(["c"], Assert.IsType<OpResult.GetChildren>(decoded.Results[2]).Children);
    }

    [Fact]
    public void Unknown_result_type_throws()
    {
        var bytes = Header(OpCode.Exists, false, 0).Concat(Header(-1, true, -1)).ToArray();

        Assert.Throws<JuteException>(() => ReadResponse(bytes));
    }
}
