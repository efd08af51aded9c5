using System.Reflection;

namespace AkkaZk.Hocon.Syntax;

/// <summary>
/// Finds and parses included documents: files relative to the including file's folder, or manifest resources
/// of the assembly a resource was read from. Each nested include gets a child includer rooted at its own folder.
/// </summary>
internal sealed class HoconIncluder
{
    // Deep enough for any real layout; stops include cycles with a clear message instead of a stack overflow.
    private const int MaxDepth = 32;

    private readonly string? _directory;
    private readonly Assembly? _assembly;
    private readonly int _depth;

    private HoconIncluder(string? directory, Assembly? assembly, int depth)
    {
        _directory = directory;
        _assembly = assembly;
        _depth = depth;
    }

    public static HoconIncluder ForDirectory(string? directory) => new(directory, null, 0);

    public static HoconIncluder ForAssembly(Assembly assembly) => new(null, assembly, 0);

    public HoconObject? Include(string name, HoconIncludeKind kind, bool required, HoconOrigin at)
    {
        if (_depth >= MaxDepth)
        {
            throw new HoconException($"Includes nested deeper than {MaxDepth} (an include cycle?) at \"{name}\"", null, at);
        }

        var included = kind switch
        {
            HoconIncludeKind.Url => throw new HoconException("include url(...) is not supported", null, at),
            HoconIncludeKind.Classpath => FromResource(name),
            HoconIncludeKind.Default when _assembly is not null => FromResource(name),
            _ => FromFile(name, at),
        };

        if (included is null && required)
        {
            throw new HoconException($"Required include \"{name}\" was not found", null, at);
        }

        return included;
    }

    private HoconObject? FromFile(string name, HoconOrigin at)
    {
        var path = Path.IsPathRooted(name) ? name : Path.Combine(_directory ?? "", name);
        if (!File.Exists(path) && !Path.HasExtension(path))
        {
            path += ".conf";
        }

        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new HoconException($"Cannot read included file: {e.Message}", null, at.File, at.Line, e);
        }

        return HoconParser.Parse(text, path, new HoconIncluder(Path.GetDirectoryName(path), null, _depth + 1));
    }

    private HoconObject? FromResource(string name)
    {
        if (_assembly is null)
        {
            return null;
        }

        var resource = new[] { name, name + ".conf" }.FirstOrDefault(n => _assembly.GetManifestResourceInfo(n) is not null);
        if (resource is null)
        {
            return null;
        }

        using var stream = _assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return HoconParser.Parse(reader.ReadToEnd(), resource, new HoconIncluder(null, _assembly, _depth + 1));
    }
}
