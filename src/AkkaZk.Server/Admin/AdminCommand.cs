namespace AkkaZk.Server.Admin;

/// <summary>
/// One AdminServer command (ZooKeeper's Commands.java): its primary name, its aliases (the four-letter word among
/// them), and what it answers: JSON fields, to which "command" and "error" are added.
/// </summary>
public sealed record AdminCommand(string Name, IReadOnlyList<string> Aliases, Func<AdminRequest, Task<AdminAnswer>> Run);

/// <summary>What a command runs against: the serving role's commands (null while the node does not serve).</summary>
public sealed record AdminRequest(FourLetterWords.FourLetterWordService? Service, IReadOnlyDictionary<string, string> Query,
    AdminContext Context);

/// <summary>A command's fields in order, or an error message in their place.</summary>
public sealed record AdminAnswer(IReadOnlyList<KeyValuePair<string, object?>> Fields, string? Error = null)
{
    public static AdminAnswer Empty { get; } = new([]);

    public static AdminAnswer Failed(string error) => new([], error);

    public static AdminAnswer Of(params (string Key, object? Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToList());
}
