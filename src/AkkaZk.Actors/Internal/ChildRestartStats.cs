namespace AkkaZk.Actors.Internal;

/// <summary>Counts a child's restarts in the strategy's time window.</summary>
internal sealed class ChildRestartStats
{
    private int _retries;
    private long _windowStart;

    /// <summary>Records one more restart and says whether it is still within the allowed count.</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange)
    {
        if (maxNrOfRetries < 0)
        {
            return true;
        }

        if (maxNrOfRetries == 0)
        {
            return false;
        }

        bool windowed = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        long now = Environment.TickCount64;
        if (windowed && (_retries == 0 || now - _windowStart > (long)withinTimeRange.TotalMilliseconds))
        {
            _windowStart = now;
            _retries = 1;
            return true;
        }

        _retries++;
        return _retries <= maxNrOfRetries;
    }
}
