namespace AkkaZk.Actors.Internal;

/// <summary>Short readable type names for logs: <c>Zab.Commit</c> rather than a namespace-qualified <c>Zab+Commit</c>.</summary>
internal static class TypeNames
{
    public static string Of(object value) => Of(value.GetType());

    public static string Of(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        return type.DeclaringType is { } outer ? $"{Of(outer)}.{name}" : name;
    }
}
