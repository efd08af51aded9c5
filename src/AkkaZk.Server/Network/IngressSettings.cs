namespace AkkaZk.Server.Network;

/// <summary>The client port: where to listen and how many connections one client IP may hold (0 = unlimited).</summary>
public sealed record IngressSettings(string Address, int Port, int MaxClientCnxnsPerIp);
