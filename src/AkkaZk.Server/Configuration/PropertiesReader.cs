using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// Flattens the <c>properties</c> object into ZooKeeper property names. A quoted key keeps its dots; an
/// unquoted dotted key became nested objects while parsing, so nesting is joined back with dots and both
/// spellings give "zookeeper.x.y".
/// </summary>
internal static class PropertiesReader
{
    public static IReadOnlyDictionary<string, string> Read(Config properties)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(properties.Root, "", result, properties);
        return result;
    }

    private static void Flatten(HoconObject node, string prefix, Dictionary<string, string> result, Config properties)
    {
        foreach (var (key, value) in node.Fields)
        {
            var name = prefix + key;
            switch (value)
            {
                case HoconObject inner:
                    Flatten(inner, name + ".", result, properties);
                    break;
                case HoconScalar { IsNull: true }:
                    break;
                case HoconScalar scalar:
                    result[name] = scalar.Text;
                    break;
                default:
                    throw new HoconException("expected a string but got a list", $"akkazk.properties.\"{name}\"", value.Origin);
            }
        }
    }
}
