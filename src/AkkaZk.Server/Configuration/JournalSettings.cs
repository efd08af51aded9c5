using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>Group commit: at most <see cref="BatchMax"/> transactions per write, fsynced unless turned off (tests only).</summary>
public sealed record JournalSettings(int BatchMax, bool Fsync)
{
    internal static JournalSettings FromConfig(Config journal) => new(journal.GetIntAtLeast("batch-max", 1), journal.GetBoolean("fsync"));
}
