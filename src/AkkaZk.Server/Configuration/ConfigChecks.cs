using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>Range-checked reads; failures name the key, file and line like any other configuration error.</summary>
internal static class ConfigChecks
{
    public static int GetPort(this Config config, string path)
    {
        var port = config.GetInt(path);
        return port is >= 1 and <= 65535 ? port : throw config.ErrorAt(path, $"expected a port number (1-65535) but got {port}");
    }

    public static int GetIntAtLeast(this Config config, string path, int minimum)
    {
        var value = config.GetInt(path);
        return value >= minimum ? value : throw config.ErrorAt(path, $"must be at least {minimum} but got {value}");
    }

    public static long GetLongAtLeast(this Config config, string path, long minimum)
    {
        var value = config.GetLong(path);
        return value >= minimum ? value : throw config.ErrorAt(path, $"must be at least {minimum} but got {value}");
    }

    /// <summary>A duration in whole milliseconds (a bare number is already milliseconds), as ZooKeeper's int settings.</summary>
    public static int GetMilliseconds(this Config config, string path)
    {
        var milliseconds = config.GetTimeSpan(path).TotalMilliseconds;
        return milliseconds is >= int.MinValue and <= int.MaxValue
            ? (int)milliseconds
            : throw config.ErrorAt(path, $"{milliseconds}ms does not fit in 32 bits");
    }

    public static string GetNonEmptyString(this Config config, string path)
    {
        var value = config.GetString(path);
        return string.IsNullOrWhiteSpace(value) ? throw config.ErrorAt(path, "must not be empty") : value;
    }
}
