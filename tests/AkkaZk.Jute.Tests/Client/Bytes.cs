namespace AkkaZk.Jute.Tests;

/// <summary>Small helpers to serialise records in tests.</summary>
internal static class Bytes
{
    public static byte[] Of(Action<JuteWriter> write)
    {
        var writer = new JuteWriter();
        write(writer);
        return writer.ToArray();
    }

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
