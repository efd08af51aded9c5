namespace AkkaZk.Jute;

/// <summary>The reply to multi (14) and multiRead (22): results in op order, then MultiHeader{−1, true, −1}.</summary>
public sealed record MultiResponse(IReadOnlyList<OpResult> Results) : IResponseRecord
{
    public static MultiResponse Read(ref JuteReader reader)
    {
        var results = new List<OpResult>();
        while (true)
        {
            var header = MultiHeader.Read(ref reader);
            if (header.Done) return new MultiResponse(results);
            results.Add(OpResult.Read(header, ref reader));
        }
    }

    public void Write(JuteWriter writer)
    {
        foreach (var result in Results)
        {
            new MultiHeader(result.Type, false, result.HeaderErr).Write(writer);
            result.WriteBody(writer);
        }
        MultiHeader.End.Write(writer);
    }
}
