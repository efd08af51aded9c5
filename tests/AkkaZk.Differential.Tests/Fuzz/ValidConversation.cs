using System.Text;
using AkkaZk.Differential.Tests.Differential;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// Well-formed client traffic to mutate: a ConnectRequest, then requests of every client opcode with valid records
/// (the differential <see cref="OpGenerator"/>'s records under <see cref="Root"/>, plus the types it does not make).
/// Each frame keeps its own length prefix so mutations can target one frame.
/// </summary>
public sealed class ValidConversation
{
    public const string Root = "/fuzz";

    private static readonly string[] Paths = [Root, Root + "/a", Root + "/b/c", "/", "/zookeeper", Root + "/missing"];

    private readonly Random _rng;
    private readonly IReadOnlyList<long> _otherSessions;
    private readonly OpGenerator _ops;
    private readonly JuteWriter _writer = new(256);
    private int _xid;

    /// <summary>True once a handshake has claimed another client's session.</summary>
    public bool ClaimedOtherSession { get; private set; }

    /// <param name="otherSessions">Sessions of other clients: a handshake may try to take one over with a wrong password.</param>
    public ValidConversation(Random rng, IReadOnlyList<long> otherSessions)
    {
        _rng = rng;
        _otherSessions = otherSessions;
        _ops = new OpGenerator(rng.Next(), Root);
    }

    /// <summary>A handshake (new session, or a reattach to a made-up or another client's session), then 1–8 requests.</summary>
    public List<byte[]> Frames()
    {
        var frames = new List<byte[]> { Handshake() };
        var count = 1 + _rng.Next(8);
        for (var i = 0; i < count; i++) frames.Add(Request());
        return frames;
    }

    public byte[] Handshake()
    {
        // Short timeouts (clamped by the server to 2–20 ticks) so fuzz sessions left behind expire soon.
        var timeout = _rng.Next(4) == 0 ? _rng.Next(-1, 60_000) : 4000;
        // Rarely another client's session: each such claim costs that client its connection.
        var sessionId = _rng.Next(400) switch
        {
            < 40 => _rng.NextInt64(),
            40 when _otherSessions.Count > 0 => _otherSessions[_rng.Next(_otherSessions.Count)],
            _ => 0L,
        };
        ClaimedOtherSession |= sessionId != 0 && _otherSessions.Contains(sessionId);
        var password = new byte[_rng.Next(10) == 0 ? _rng.Next(0, 40) : 16];
        _rng.NextBytes(password);
        var lastZxid = _rng.Next(10) == 0 ? _rng.NextInt64(0, 1L << 40) : 0;
        bool? readOnly = _rng.Next(5) switch { 0 => null, 1 => true, _ => false };
        _writer.Reset();
        RequestWriter.WriteConnectRequest(_writer, new ConnectRequest(0, lastZxid, timeout, sessionId, password, readOnly));
        return _writer.ToArray();
    }

    /// <summary>One framed request with the next xid.</summary>
    public byte[] Request()
    {
        var (opCode, record) = AnyRequest();
        var xid = opCode switch
        {
            OpCode.Ping => Xids.Ping,
            OpCode.Auth => Xids.Auth,
            OpCode.SetWatches or OpCode.SetWatches2 => Xids.SetWatches,
            _ => ++_xid,
        };
        _writer.Reset();
        RequestWriter.WriteRequest(_writer, new RequestHeader(xid, opCode), record);
        return _writer.ToArray();
    }

    private (int OpCode, IRequestRecord? Record) AnyRequest()
    {
        switch (_rng.Next(20))
        {
            case 0: return (OpCode.Ping, null);
            case 1: return (OpCode.CloseSession, null);
            case 2: return (OpCode.SetWatches, new SetWatches(_rng.Next(100), PathList(), PathList(), PathList()));
            case 3: return (OpCode.SetWatches2, new SetWatches2(_rng.Next(100), PathList(), PathList(), PathList(), PathList(), PathList()));
            case 4: return (OpCode.Reconfig, new ReconfigRequest(Pick(null, "server.2=127.0.0.1:2888:3888"), null, null, -1));
            case 5: return (OpCode.DeleteContainer, new DeleteContainerRequest(Pick(Paths)!));
            case 6: return (OpCode.Sasl, new GetSaslRequest(Encoding.ASCII.GetBytes("token")));
            default:
                return _ops.Next(SingleSlot.Instance) switch
                {
                    Op.Request r => (r.OpCode, r.Record),
                    Op.Auth a => (OpCode.Auth, new AuthPacket(0, a.Scheme, Encoding.UTF8.GetBytes(a.Credentials))),
                    Op.CloseSession => (OpCode.CloseSession, null),
                    _ => (OpCode.Ping, null),
                };
        }
    }

    private List<string> PathList() => Enumerable.Range(0, _rng.Next(4)).Select(_ => Pick(Paths)!).ToList();

    private T Pick<T>(params T[] items) => items[_rng.Next(items.Length)];

    /// <summary>One connected session slot and no known paths: enough for the op generator to make any request.</summary>
    private sealed class SingleSlot : IRunView
    {
        public static readonly SingleSlot Instance = new();
        public IReadOnlyList<bool> Online { get; } = [true];
        public IReadOnlyList<string> KnownPaths { get; } = [];
    }
}
