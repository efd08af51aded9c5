using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>The Prometheus endpoint (ZooKeeper's metricsProvider.httpPort).</summary>
public sealed record MetricsSettings(bool Enabled, int HttpPort)
{
    internal static MetricsSettings FromConfig(Config metrics) => new(metrics.GetBoolean("enabled"), metrics.GetPort("http-port"));
}
