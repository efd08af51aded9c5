using System.Globalization;
using System.Text.Json;

namespace AkkaZk.Server.Admin;

/// <summary>Writes a command's answer as ZooKeeper does: its fields, then "command" and "error".</summary>
public static class AdminJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Answer(string command, AdminAnswer answer)
    {
        var fields = new Dictionary<string, object?>();
        foreach (var (key, value) in answer.Fields) fields[key] = value;
        fields["command"] = command;
        fields["error"] = answer.Error;
        return JsonSerializer.Serialize(fields, Options);
    }

    /// <summary>A text value as the number it spells (long, then double), else the text.</summary>
    public static object Typed(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d) ? d
        : value;
}
