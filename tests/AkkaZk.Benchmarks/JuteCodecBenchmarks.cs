using AkkaZk.Jute;
using BenchmarkDotNet.Attributes;

namespace AkkaZk.Benchmarks;

/// <summary>Jute encode/decode of the commonest request and reply: create (32 B data) and getData's response.</summary>
[MemoryDiagnoser]
public class JuteCodecBenchmarks
{
    private readonly JuteWriter _writer = new(1024);
    private readonly CreateRequest _create = new("/bench/p0001/n00000000000042", new byte[32], Acl.OpenAclUnsafe, 0);
    private readonly GetDataResponse _getData = new(new byte[32], new Stat(1, 2, 3, 4, 5, 6, 7, 0, 32, 0, 1));
    private byte[] _createBytes = [];
    private byte[] _getDataBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _writer.Reset();
        RequestWriter.WriteRequest(_writer, new RequestHeader(42, OpCode.Create), _create);
        _createBytes = _writer.WrittenSpan[4..].ToArray();   // the payload, without the frame length
        _writer.Reset();
        _getData.Write(_writer);
        _getDataBytes = _writer.ToArray();
    }

    [Benchmark]
    public int EncodeCreateRequest()
    {
        _writer.Reset();
        RequestWriter.WriteRequest(_writer, new RequestHeader(42, OpCode.Create), _create);
        return _writer.Length;
    }

    [Benchmark]
    public IRequestRecord? DecodeCreateRequest() => RequestDecoder.Decode(_createBytes, out _);

    [Benchmark]
    public int EncodeGetDataReply()
    {
        _writer.Reset();
        ReplyWriter.WriteReply(_writer, new ReplyHeader(42, 7, 0), _getData);
        return _writer.Length;
    }

    [Benchmark]
    public GetDataResponse DecodeGetDataResponse()
    {
        var reader = new JuteReader(_getDataBytes);
        return GetDataResponse.Read(ref reader);
    }
}
