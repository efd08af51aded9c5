using System.Globalization;
using System.Text;

namespace AkkaZk.Server.Admin;

/// <summary>
/// The Prometheus text exposition of the server's metrics, under the names ZooKeeper's PrometheusMetricsProvider
/// uses (mntr's keys without "zk_"): every numeric mntr value as a gauge.
/// </summary>
public static class PrometheusText
{
    public static string From(string mntr)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in AdminStatus.MonitorFields(mntr))
        {
            if (value is not (long or double)) continue;
            var name = Sanitize(key);
            text.Append("# HELP ").Append(name).Append(' ').Append(name).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" gauge\n");
            text.Append(name).Append(' ').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static string Sanitize(string key) =>
        string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_'));
}
