using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaZk.Bench.Report;

/// <summary>Writes reports as indented camelCase JSON (the shape the bench/ scripts read).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new TimeSpanSecondsConverter() },
    };

    public static void Write<T>(string? path, T report)
    {
        if (string.IsNullOrEmpty(path)) return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options));
    }
}
