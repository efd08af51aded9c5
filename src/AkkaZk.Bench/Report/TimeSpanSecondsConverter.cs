using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaZk.Bench.Report;

/// <summary>TimeSpans in reports are seconds (a number), easier for scripts than "00:00:10".</summary>
public sealed class TimeSpanSecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.TotalSeconds);
}
