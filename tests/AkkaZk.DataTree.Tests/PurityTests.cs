using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AkkaZk.DataTree.Tests;

/// <summary>The tree is a pure state machine: no sockets, threads, locks, clocks, randomness or actors.</summary>
public sealed class PurityTests
{
    private static readonly string[] ForbiddenNamespaces = ["System.Net", "System.Threading", "AkkaZk.Actors"];
    private static readonly string[] ForbiddenTypes =
    [
        "System.Random", "System.DateTime", "System.DateTimeOffset", "System.Environment", "System.TimeProvider",
        "System.Diagnostics.Stopwatch", "System.GC",
    ];

    [Fact]
    public void Assembly_references_no_io_concurrency_clock_or_randomness()
    {
        var location = typeof(DataTree).Assembly.Location;
        using var stream = File.OpenRead(location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var referenced = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToList();
        var offending = referenced
            .Where(name => ForbiddenTypes.Contains(name) || ForbiddenNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offending);

        var assemblies = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.DoesNotContain("AkkaZk.Actors", assemblies);
        Assert.DoesNotContain("System.Net.Sockets", assemblies);
    }
}
