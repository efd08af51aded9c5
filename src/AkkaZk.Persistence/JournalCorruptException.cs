namespace AkkaZk.Persistence;

/// <summary>
/// The journal file is not a readable SQLite database, or a row went bad after start-up. When thrown from
/// <see cref="SqliteJournal.Open"/>, the damaged file has already been moved to <see cref="MovedTo"/>.
/// </summary>
public sealed class JournalCorruptException : IOException
{
    public JournalCorruptException(string message, string? movedTo = null, Exception? inner = null)
        : base(message, inner) => MovedTo = movedTo;

    /// <summary>Where the damaged database was moved aside, or null when nothing was moved.</summary>
    public string? MovedTo { get; }
}
