using System.Reflection;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// The version string operators' tools parse: ZooKeeper's "3.8.0-&lt;build&gt;" shape so go-zookeeper's and
/// kazoo's parsers accept it, with AkkaZk's own version as the build part.
/// </summary>
public static class ServerVersion
{
    public const string ProtocolVersion = "3.8.0";

    /// <summary>The assembly's version, limited to go-zookeeper's FLWSrvr version characters [A-Za-z0-9.-].</summary>
    public static string AkkaZkVersion { get; } = Sanitize(
        typeof(ServerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0");

    public static string Full => $"{ProtocolVersion}-akkazk-{AkkaZkVersion}";

    public static string BuiltOn { get; } = File.GetLastWriteTimeUtc(typeof(ServerVersion).Assembly.Location).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    private static string Sanitize(string version) =>
        new(version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());
}
