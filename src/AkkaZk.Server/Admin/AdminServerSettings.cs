using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Admin;

/// <summary>The AdminServer's and the Prometheus endpoint's settings, with the node facts their commands report.</summary>
public sealed record AdminServerSettings(AdminSettings Admin, MetricsSettings Metrics, AdminContext Context);
