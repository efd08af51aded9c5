using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AkkaZk.TestKit;

/// <summary>An <see cref="ILoggerFactory"/> that keeps every line, at every level, for tests to assert on.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<CapturedLogLine> _lines = new();

    public IReadOnlyList<CapturedLogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public void AddProvider(ILoggerProvider provider)
    {
        // Everything is captured here; other providers are not needed in tests.
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLogLine(logLevel, category, formatter(state, exception), exception));
    }
}
