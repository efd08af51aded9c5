namespace AkkaZk.Server.Tests.Configuration;

/// <summary>A private folder for config files, removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "akkazk-cfg-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
