using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// Loads a node's configuration: a <c>.conf</c> file is native HOCON, anything else is read as a ZooKeeper
/// <c>zoo.cfg</c>; either way the embedded reference.conf supplies every default.
/// </summary>
public static class ServerConfigLoader
{
    public const string ReferenceResourceName = "AkkaZk.Server.reference.conf";

    private static readonly Lazy<Config> _reference = new(
        () => ConfigurationFactory.FromResource(typeof(ServerConfigLoader).Assembly, ReferenceResourceName));

    /// <summary>The embedded defaults.</summary>
    public static Config Reference => _reference.Value;

    /// <summary>The merged configuration, for settings read outside <see cref="ServerSettings"/>.</summary>
    public static Config LoadConfig(string path)
    {
        var own = string.Equals(Path.GetExtension(path), ".conf", StringComparison.OrdinalIgnoreCase)
            ? ConfigurationFactory.ParseFile(path)
            : ZooCfgReader.Read(path);
        return own.WithFallback(Reference);
    }

    public static ServerSettings Load(string path) => ServerSettings.FromConfig(LoadConfig(path));

    public static ServerSettings LoadDefaults() => ServerSettings.FromConfig(Reference);
}
