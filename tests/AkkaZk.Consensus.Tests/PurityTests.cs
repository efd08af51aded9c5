using System.Text.RegularExpressions;
using AkkaZk.Consensus.Tests.Harness;

namespace AkkaZk.Consensus.Tests;

/// <summary>
/// AkkaZk.Consensus stays a pure state machine: it references only the BCL basics and AkkaZk.Jute, and its source
/// uses no sockets, threads, locks, clocks or randomness (time is Tick, randomness would be a seed passed in).
/// </summary>
public sealed partial class PurityTests
{
    [Fact]
    public void References_only_the_base_library_and_jute()
    {
        var allowed = new[] { "System.Runtime", "System.Collections", "System.Linq", "System.Memory", "AkkaZk.Jute", "System.Text.Encoding.Extensions" };
        var referenced = typeof(ElectionCore).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(referenced, name => Assert.Contains(name, allowed));
    }

    [Fact]
    public void Source_uses_no_io_threads_clocks_or_randomness()
    {
        var sources = Directory.GetFiles(SourceDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var match = Forbidden().Match(File.ReadAllText(file));
            Assert.False(match.Success, $"{Path.GetFileName(file)} uses '{match.Value}'");
        }
    }

    [GeneratedRegex(@"\b(System\.Net|Socket|Thread|Task|async|await|lock\s*\(|Monitor|Interlocked|Timer|DateTime|DateTimeOffset|Stopwatch|TickCount|Random|Guid\.NewGuid|Environment\.|Console\.|File\.|AkkaZk\.Actors)\b")]
    private static partial Regex Forbidden();

    private static string SourceDirectory() =>
        RepositoryPaths.Find("src", "AkkaZk.Consensus") ?? throw new DirectoryNotFoundException("src/AkkaZk.Consensus above the test output");
}
