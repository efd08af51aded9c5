namespace AkkaZk.Hocon;

/// <summary>
/// A parse, resolution or type error. The message always names what is known of the key, the file and the line,
/// e.g. <c>akkazk.tick-time: expected a duration but got "abc" (conf/node1.conf:12)</c>, so an operator can go
/// straight to the offending line.
/// </summary>
public sealed class HoconException : Exception
{
    public HoconException(string detail, string? key = null, string? file = null, int line = 0, Exception? inner = null)
        : base(Format(detail, key, file, line), inner)
    {
        Key = key;
        File = file;
        Line = line;
    }

    public HoconException(string detail, string? key, HoconOrigin? origin)
        : this(detail, key, origin?.File, origin?.Line ?? 0)
    {
    }

    private HoconException(string message, string key, string? file)
        : base(message)
    {
        Key = key;
        File = file;
    }

    /// <summary>The full path of the setting involved, when the error concerns one.</summary>
    public string? Key { get; }

    /// <summary>The file (or origin name) the error comes from, when known.</summary>
    public string? File { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>A required setting is absent; worded as Akka.NET words it so existing habits still apply.</summary>
    public static HoconException Missing(string key, string? file)
    {
        var message = $"No configuration setting found for key '{key}'";
        return new HoconException(file is null ? message : $"{message} ({file})", key, file);
    }

    private static string Format(string detail, string? key, string? file, int line)
    {
        var where = (file, line) switch
        {
            (null, <= 0) => "",
            (null, _) => $" (line {line})",
            (_, <= 0) => $" ({file})",
            _ => $" ({file}:{line})",
        };
        return key is null ? detail + where : $"{key}: {detail}{where}";
    }
}
