namespace AkkaZk.Persistence.Tests;

/// <summary>A fresh directory per test, deleted (with everything in it) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "akkazk-persistence-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
