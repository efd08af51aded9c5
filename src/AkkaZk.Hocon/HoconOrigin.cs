namespace AkkaZk.Hocon;

/// <summary>Where a value was written: the file (or origin name) and the 1-based line.</summary>
public sealed record HoconOrigin(string? File, int Line)
{
    public override string ToString() => (File, Line) switch
    {
        (null, _) => $"line {Line}",
        (_, <= 0) => File,
        _ => $"{File}:{Line}",
    };
}
