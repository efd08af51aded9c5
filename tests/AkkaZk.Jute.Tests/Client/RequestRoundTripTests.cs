namespace AkkaZk.Jute.Tests;

public sealed class RequestRoundTripTests
{
    [Theory]
    [MemberData(nameof(Samples.RequestNames), MemberType = typeof(Samples))]
    public void Every_request_record_round_trips_through_the_decoder(string name)
    {
        var (opcode, record) = Samples.Requests[name];
        var bytes = Bytes.Of(record.Write);

        var reader = new JuteReader(bytes);
        var decoded = RequestDecoder.Decode(opcode, ref reader);

        Assert.True(reader.AtEnd);
        Assert.NotNull(decoded);
        Assert.IsType(record.GetType(), decoded);
        Assert.Equal(bytes, Bytes.Of(decoded.Write));
    }

    [Theory]
    [InlineData(OpCode.Ping)]
    [InlineData(OpCode.CloseSession)]
    [InlineData(OpCode.WhoAmI)]
    public void Requests_without_a_body_decode_to_null(int opcode)
    {
        var reader = new JuteReader([]);
        Assert.Null(RequestDecoder.Decode(opcode, ref reader));
    }

    [Fact]
    public void Create_request_fields_are_in_wire_order()
    {
        var bytes = Bytes.Of(new CreateRequest("/a", [0xAB], [new Acl(Perms.All, Id.Anyone)], 3).Write);

        var expected = Convert.FromHexString(
            "00000002" + "2F61" + "00000001" + "AB" + "00000001" + "0000001F" + "00000005" + "776F726C64"
            + "00000006" + "616E796F6E65" + "00000003");
        Assert.Equal(expected, bytes);
        var reader = new JuteReader(bytes);
        var decoded = CreateRequest.Read(ref reader);
        Assert.Equal("/a", decoded.Path);
        Assert.Equal([0xAB], decoded.Data);
        Assert.Equal(new Acl(Perms.All, Id.Anyone), Assert.Single(decoded.Acl));
        Assert.Equal(3, decoded.Flags);
    }

    [Fact]
    public void Null_data_is_kept_distinct_from_empty_data()
    {
        var nullData = Bytes.Of(new SetDataRequest("/a", null, -1).Write);
        var emptyData = Bytes.Of(new SetDataRequest("/a", [], -1).Write);

        var reader = new JuteReader(nullData);
        Assert.Null(SetDataRequest.Read(ref reader).Data);
        reader = new JuteReader(emptyData);
        Assert.Equal(Array.Empty<byte>(), SetDataRequest.Read(ref reader).Data);
    }

    [Fact]
    public void SetWatches2_reads_all_five_lists()
    {
        var bytes = Bytes.Of(Samples.Requests["setWatches2"].Record.Write);
        var reader = new JuteReader(bytes);

        var decoded = SetWatches2.Read(ref reader);

        Assert.Equal(7, decoded.RelativeZxid);
        Assert.Equal(["/d"], decoded.DataWatches);
        Assert.Empty(decoded.ExistWatches);
        Assert.Equal(["/c"], decoded.ChildWatches);
        Assert.Equal(["/p"], decoded.PersistentWatches);
        Assert.Equal(["/r1", "/r2"], decoded.PersistentRecursiveWatches);
    }

    [Fact]
    public void Reconfig_keeps_null_server_lists()
    {
        var bytes = Bytes.Of(new ReconfigRequest(null, "2", null, 5).Write);
        var reader = new JuteReader(bytes);

        var decoded = ReconfigRequest.Read(ref reader);

        Assert.Equal(new ReconfigRequest(null, "2", null, 5), decoded);
    }

    [Fact]
    public void DeleteContainer_body_is_the_raw_utf8_path()
    {
        var bytes = Bytes.Of(new DeleteContainerRequest("/c").Write);

        Assert.Equal(Bytes.Utf8("/c"), bytes);
    }
}
