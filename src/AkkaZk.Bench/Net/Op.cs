using AkkaZk.Jute;

namespace AkkaZk.Bench.Net;

/// <summary>One client request to send: its opcode and body (null for closeSession).</summary>
public readonly record struct Op(int OpCode, IRequestRecord? Record);
