using System.Reflection;
using AkkaZk.Hocon.Resolution;
using AkkaZk.Hocon.Syntax;

namespace AkkaZk.Hocon;

/// <summary>Entry points for reading HOCON, named as in Akka.NET.</summary>
public static class ConfigurationFactory
{
    public static Config Empty { get; } = new(new HoconObject(new HoconOrigin(null, 0)) { IsResolved = true });

    /// <summary>
    /// Parses HOCON text. <paramref name="originName"/> names the source in error messages; includes are
    /// looked up in its folder (the current folder when it has none).
    /// </summary>
    public static Config ParseString(string text, string? originName = null)
    {
        var directory = originName is null ? null : Path.GetDirectoryName(originName);
        return Parse(text, originName, HoconIncluder.ForDirectory(string.IsNullOrEmpty(directory) ? null : directory));
    }

    /// <summary>Parses a file; includes are resolved relative to the file's folder.</summary>
    public static Config ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException($"Cannot read configuration file: {e.Message}", null, path, 0, e);
        }

        return Parse(text, path, HoconIncluder.ForDirectory(Path.GetDirectoryName(path)));
    }

    /// <summary>Parses an embedded resource; its includes are other resources of the same assembly.</summary>
    public static Config FromResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new HoconException($"Resource '{resourceName}' not found in {assembly.GetName().Name}", null, resourceName);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), resourceName, HoconIncluder.ForAssembly(assembly));
    }

    private static Config Parse(string text, string? originName, HoconIncluder includer)
    {
        var tree = HoconParser.Parse(text, originName, includer);
        return new Config(HoconResolver.Resolve(tree, Environment.GetEnvironmentVariable));
    }
}
