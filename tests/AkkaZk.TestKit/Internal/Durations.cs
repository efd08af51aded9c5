namespace AkkaZk.TestKit.Internal;

internal static class Durations
{
    /// <summary>"3s", "250ms", "1.5s": short enough for a failure message.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds < 1000
            ? $"{duration.TotalMilliseconds:0}ms"
            : $"{duration.TotalSeconds:0.###}s";

    public static string Describe(object message) => $"{message.GetType().Name}: {message}";
}
