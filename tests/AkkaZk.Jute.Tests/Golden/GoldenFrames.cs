namespace AkkaZk.Jute.Tests.Golden;

/// <summary>One captured frame (length prefix included); Key is "c2s.step" or "s2c.step[.notification][#n]".</summary>
internal sealed record GoldenFrame(string Key, byte[] Frame)
{
    public bool FromClient => Key.StartsWith("c2s.", StringComparison.Ordinal);
    public ReadOnlySpan<byte> Payload => Frame.AsSpan(4);
}

/// <summary>Loads a *.hex capture written by capture.py: "# frame KEY ..." then one hex line per frame.</summary>
internal sealed class GoldenFrames
{
    private readonly Dictionary<string, GoldenFrame> _byKey;

    private GoldenFrames(IReadOnlyList<GoldenFrame> frames)
    {
        Frames = frames;
        _byKey = frames.ToDictionary(f => f.Key);
    }

    public IReadOnlyList<GoldenFrame> Frames { get; }

    public GoldenFrame this[string key] => _byKey[key];

    public bool Contains(string key) => _byKey.ContainsKey(key);

    public static GoldenFrames Load(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", fileName));
        var frames = new List<GoldenFrame>();
        string? key = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("# frame ", StringComparison.Ordinal))
                key = line.Split(' ')[2];
            else if (!line.StartsWith('#') && line.Length > 0)
            {
                frames.Add(new GoldenFrame(key ?? throw new InvalidDataException($"Unnamed frame in {fileName}"),
                    Convert.FromHexString(line)));
                key = null;
            }
        }
        return new GoldenFrames(frames);
    }
}
