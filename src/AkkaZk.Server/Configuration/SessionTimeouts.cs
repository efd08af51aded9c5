using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>minSessionTimeout / maxSessionTimeout, defaulted as ZooKeeper does: 2 and 20 ticks.</summary>
internal static class SessionTimeouts
{
    private const string MinPath = "min-session-timeout";
    private const string MaxPath = "max-session-timeout";

    public static (int MinMs, int MaxMs) Read(Config akkazk, int tickMs)
    {
        var configuredMin = akkazk.GetMilliseconds(MinPath);
        var configuredMax = akkazk.GetMilliseconds(MaxPath);

        // Any negative value means "derive from the tick" (reference.conf writes -1, as ZooKeeper's default).
        var min = configuredMin < 0 ? 2 * tickMs : configuredMin;
        var max = configuredMax < 0 ? 20 * tickMs : configuredMax;
        if (min > max)
        {
            // Blame the one the operator wrote; if both are explicit, the minimum (ZooKeeper's wording).
            var path = configuredMin >= 0 ? MinPath : MaxPath;
            throw akkazk.ErrorAt(path, $"minSessionTimeout ({min}ms) must not be larger than maxSessionTimeout ({max}ms)");
        }

        return (min, max);
    }
}
