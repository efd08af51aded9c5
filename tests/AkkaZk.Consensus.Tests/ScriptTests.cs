using AkkaZk.Consensus.Tests.Harness;

namespace AkkaZk.Consensus.Tests;

/// <summary>
/// The checked-in interaction scripts under Scripts/*.txt replay to exactly their recorded traces.
/// Set AKKAZK_REWRITE=1 to regenerate the expectations (review the diff before committing).
/// </summary>
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts =>
        [.. Directory.GetFiles(ScriptDirectory(), "*.txt").Select(p => Path.GetFileName(p)).Order()];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_replays_to_its_recorded_trace(string name)
    {
        var path = Path.Combine(ScriptDirectory(), name);
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var actual = ScriptRunner.Run(expected);
        if (Environment.GetEnvironmentVariable("AKKAZK_REWRITE") == "1" && actual != expected)
            File.WriteAllText(path, actual);
        else
            Assert.Equal(expected, actual);
    }

    /// <summary>The scripts in the source tree when it is there (so they can be rewritten), else the copies in the output.</summary>
    private static string ScriptDirectory() =>
        RepositoryPaths.Find("tests", "AkkaZk.Consensus.Tests", "Scripts") ?? Path.Combine(AppContext.BaseDirectory, "Scripts");
}
