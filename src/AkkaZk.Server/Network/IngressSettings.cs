namespace AkkaZk.Server.Network;

/// <summary>
/// The client port: where to listen, how many connections one client IP may hold (maxClientCnxns) and all clients
/// together (zookeeper.maxCnxns), 0 meaning unlimited, and globalOutstandingLimit (requests in process before
/// connections stop reading).
/// </summary>
public sealed record IngressSettings(string Address, int Port, int MaxClientCnxnsPerIp)
{
    public int MaxCnxns { get; init; }

    public int GlobalOutstandingLimit { get; init; } = 1000;
}
