namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>Finds the repository (the folder holding AkkaZk.sln) above the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AkkaZk.sln"))) return dir.FullName;
        return null;
    }

    public static string? Find(params string[] relative) =>
        Root() is { } root && Path.Combine([root, .. relative]) is var path && Directory.Exists(path) ? path : null;
}
