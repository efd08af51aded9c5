using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AkkaZk.Jute;

/// <summary>
/// Four-letter words: before the handshake the server reads the first 4 bytes of a connection as a big-endian
/// int; a known code runs the command instead of being taken as a frame length. Only the first frame is checked.
/// </summary>
public static class FourLetterWords
{
    /// <summary>The words of ZooKeeper 3.8 in their usual order.</summary>
    public static readonly IReadOnlyList<string> Words =
    [
        "conf", "cons", "crst", "dirs", "dump", "envi", "gtmk", "ruok", "stmk",
        "srst", "srvr", "stat", "wchc", "wchp", "wchs", "mntr", "isro", "hash",
    ];

    /// <summary>A telnet client's interrupt/close sequence (IAC IP IAC DO): closes the connection.</summary>
    public const int TelnetCloseCode = unchecked((int)0xFFF4FFFD);

    public const string TelnetClose = "telnet close";

    private static readonly FrozenDictionary<int, string> _byCode = Words
        .Select(word => KeyValuePair.Create(CodeOf(word), word))
        .Append(KeyValuePair.Create(TelnetCloseCode, TelnetClose))
        .ToFrozenDictionary();

    /// <summary>The int a word arrives as: its 4 ASCII bytes read big-endian ("ruok" = 0x72756F6B).</summary>
    public static int CodeOf(string word)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (word.Length != 4 || Encoding.ASCII.GetBytes(word, bytes) != 4)
            throw new ArgumentException($"Not a four-letter word: '{word}'", nameof(word));
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    /// <summary>Looks up the first int of a new connection; false means it is a frame length.</summary>
    public static bool TryGetWord(int firstInt, [NotNullWhen(true)] out string? word) =>
        _byCode.TryGetValue(firstInt, out word);
}
