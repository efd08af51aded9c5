using Microsoft.Extensions.Logging;

namespace AkkaZk.TestKit;

public sealed record CapturedLogLine(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level}: {Category}: {Message}";
}
