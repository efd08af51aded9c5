using System.Globalization;
using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// Reads an Apache ZooKeeper <c>zoo.cfg</c> into the native <c>akkazk</c> HOCON key space, keeping each value's
/// origin as <c>zoo.cfg:line</c> so later validation errors still point at the right line. Keys without a
/// native setting are kept as ZooKeeper properties (<c>zookeeper.&lt;key&gt;</c>), and <c>&lt;dataDir&gt;/myid</c>
/// supplies the server id, as in ZooKeeper.
/// </summary>
public static class ZooCfgReader
{
    public static Config Read(string path)
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

        return Parse(text, path, zooCfgPath: Path.GetFullPath(path));
    }

    /// <param name="originName">The file name errors and origins use.</param>
    /// <param name="zooCfgPath">The file read, when there is one (recorded so that a reconfig can rewrite it).</param>
    public static Config Parse(string text, string originName = "zoo.cfg", string? zooCfgPath = null)
    {
        var builder = new ConfigBuilder(originName);
        var servers = new List<HoconValue>();
        string? dataDir = null;
        if (zooCfgPath is not null) builder.Set("akkazk.zoo-cfg-path", new HoconScalar(zooCfgPath, HoconScalarKind.String, new HoconOrigin(originName, 0)));
        foreach (var line in ExpandDynamicConfig(JavaPropertiesReader.Read(text, originName), builder))
        {
            var origin = new HoconOrigin(originName, line.Line);
            if (line.Key.StartsWith(ZooCfgServerLine.Prefix, StringComparison.Ordinal))
            {
                servers.Add(ZooCfgServerLine.Parse(line, originName));
            }
            else if (ZooCfgKeys.Native.TryGetValue(line.Key, out var native))
            {
                builder.Set("akkazk." + native.Path, Convert(line, native.Kind, origin));
                dataDir = line.Key == "dataDir" ? line.Value : dataDir;
            }
            else
            {
                CheckPeerType(line, origin);
                builder.Set(["akkazk", "properties", ZooCfgKeys.PropertyName(line.Key)], new HoconScalar(line.Value, HoconScalarKind.String, origin));
                if (line.Key == "metricsProvider.className" && line.Value.Length > 0)
                {
                    // ZooKeeper exposes metrics once a provider is configured; the Prometheus endpoint is ours.
                    builder.Set("akkazk.metrics.enabled", new HoconScalar("true", HoconScalarKind.Boolean, origin));
                }
            }
        }

        if (servers.Count > 0)
        {
            builder.Set("akkazk.servers", new HoconArray(servers, servers[0].Origin));
        }

        if (dataDir is not null && ReadMyId(dataDir) is { } myId)
        {
            builder.Set("akkazk.server-id", myId);
        }

        return builder.Build();
    }

    /// <summary>
    /// QuorumPeerConfig: dynamicConfigFile names a file of server lines (no version line; the version is the file
    /// name's hex suffix). Its lines are read as if they were in zoo.cfg; the file name is kept too.
    /// </summary>
    private static IEnumerable<PropertyLine> ExpandDynamicConfig(IEnumerable<PropertyLine> lines, ConfigBuilder builder)
    {
        foreach (var line in lines)
        {
            yield return line;
            if (line.Key != "dynamicConfigFile") continue;
            var origin = new HoconOrigin(line.Value, 0);
            var suffix = line.Value[(line.Value.LastIndexOf('.') + 1)..];
            if (long.TryParse(suffix, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var version))
                builder.Set("akkazk.config-version", new HoconScalar(version.ToString(CultureInfo.InvariantCulture), HoconScalarKind.Number, origin));
            string dynamic;
            try
            {
                dynamic = File.ReadAllText(line.Value);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new HoconException($"Cannot read dynamic configuration file: {e.Message}", line.Key, origin);
            }
            foreach (var server in JavaPropertiesReader.Read(dynamic, line.Value).Where(l => l.Key.StartsWith(ZooCfgServerLine.Prefix, StringComparison.Ordinal)))
                yield return server;
        }
    }

    /// <summary>
    /// As ZooKeeper 3.8: peerType must be observer or participant; where it disagrees with this server's server.N line,
    /// the line wins ("Defaulting to servers list"), so the value is only checked.
    /// </summary>
    private static void CheckPeerType(PropertyLine line, HoconOrigin origin)
    {
        if (line.Key == "peerType" && line.Value.ToLowerInvariant() is not ("observer" or "participant"))
        {
            throw new HoconException($"expected participant or observer but got \"{line.Value}\"", line.Key, origin);
        }
    }

    private static HoconValue Convert(PropertyLine line, ZooCfgValueKind kind, HoconOrigin origin) => kind switch
    {
        ZooCfgValueKind.Int => new HoconScalar(ParseInt(line, origin).ToString(CultureInfo.InvariantCulture), HoconScalarKind.Number, origin),
        ZooCfgValueKind.Boolean => new HoconScalar(ParseBoolean(line, origin), HoconScalarKind.Boolean, origin),
        ZooCfgValueKind.CommaList => new HoconArray(
            line.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(word => new HoconScalar(word, HoconScalarKind.String, origin)),
            origin),
        _ => new HoconScalar(line.Value, HoconScalarKind.String, origin),
    };

    // Integers as Java's Integer.decode reads them (jute.maxbuffer is often written in hex).
    private static long ParseInt(PropertyLine line, HoconOrigin origin)
    {
        var text = line.Value;
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        return parsed && value is >= int.MinValue and <= int.MaxValue
            ? value
            : throw new HoconException($"expected a number but got \"{text}\"", line.Key, origin);
    }

    private static string ParseBoolean(PropertyLine line, HoconOrigin origin) => line.Value.ToLowerInvariant() switch
    {
        "true" or "yes" => "true",
        "false" or "no" => "false",
        _ => throw new HoconException($"expected true or false but got \"{line.Value}\"", line.Key, origin),
    };

    private static HoconScalar? ReadMyId(string dataDir)
    {
        var path = Path.Combine(dataDir, "myid");
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? new HoconScalar(text, HoconScalarKind.Number, new HoconOrigin(path, 1))
            : throw new HoconException($"expected a server id but got \"{text}\"", "myid", path, 1);
    }
}
