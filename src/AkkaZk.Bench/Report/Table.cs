namespace AkkaZk.Bench.Report;

/// <summary>A plain-text table: the first column left-aligned, the others right-aligned.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => i < r.Length ? r[i].Length : 0).Prepend(h.Length).Max()).ToArray();
        writer.WriteLine(Line(headers, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) writer.WriteLine(Line(row, widths));
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", widths.Select((w, i) =>
        {
            var cell = i < cells.Length ? cells[i] : "";
            return i == 0 ? cell.PadRight(w) : cell.PadLeft(w);
        })).TrimEnd();
}
