using System.Text;
using AkkaZk.Hocon.Syntax;

namespace AkkaZk.Hocon;

/// <summary>Writes a value back as HOCON (JSON-like), for diagnostics such as dumping the effective config.</summary>
internal static class HoconRenderer
{
    public static string Render(HoconValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconObject obj:
                WriteObject(builder, obj, indent);
                break;
            case HoconArray array:
                builder.Append('[');
                builder.AppendJoin(", ", array.Items.Select(Render));
                builder.Append(']');
                break;
            case HoconScalar { Kind: HoconScalarKind.String } scalar:
                builder.Append(QuotedText.Quote(scalar.Text));
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
            default:
                builder.Append(value.Describe());
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, HoconObject obj, int indent)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        foreach (var (key, child) in obj.Fields)
        {
            builder.Append(' ', (indent + 1) * 2).Append(HoconPath.Render([key])).Append(" = ");
            Write(builder, child, indent + 1);
            builder.Append('\n');
        }

        builder.Append(' ', indent * 2).Append('}');
    }
}
