using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Persistence.Tests;

public sealed class CrashKillTests
{
    private const int BatchSize = 20;
    private const int AcksBeforeKill = 25;

    [Fact]
    public async Task Every_acknowledged_batch_survives_sigkill_and_the_journal_verifies_clean()
    {
        using var dir = new TempDirectory();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var acked = new List<long>();
        using (var writer = StartWriter(dir.Path))
        {
            try
            {
                while (acked.Count < AcksBeforeKill)
                {
                    var line = await writer.StandardOutput.ReadLineAsync(deadline.Token)
                        ?? throw new Xunit.Sdk.XunitException("writer exited early: " + await writer.StandardError.ReadToEndAsync());
                    acked.Add(long.Parse(line, CultureInfo.InvariantCulture));
                }
            }
            finally
            {
                writer.Kill(); // SIGKILL on Unix: no finally blocks, no flush, no SQLite close.
                await writer.WaitForExitAsync(CancellationToken.None);
            }
            // Lines written between the last read and the kill were acknowledged too.
            var rest = await writer.StandardOutput.ReadToEndAsync(CancellationToken.None);
            acked.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)));
        }

        var logger = new ListLogger();
        using var journal = SqliteJournal.Open(dir.Path, JournalOptions.Durable, logger);
        Assert.Empty(logger.At(LogLevel.Warning));
        Assert.Empty(logger.At(LogLevel.Error));
        var lastAcked = acked.Max();
        Assert.True(journal.LastZxid >= lastAcked, $"acked 0x{lastAcked:x}, journal ends at 0x{journal.LastZxid:x}");
        Assert.Equal(0, journal.LastZxid % BatchSize); // a batch lands whole or not at all
        Assert.Equal(TestTxns.Sequence(1, journal.LastZxid), journal.ReadAfter(0).Zxids());
        Assert.Equal((int)journal.LastZxid, journal.Count);
    }

    private static Process StartWriter(string directory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AkkaZk.Persistence.CrashWriter.dll");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, directory, BatchSize.ToString(CultureInfo.InvariantCulture), "100000" })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
    }
}
