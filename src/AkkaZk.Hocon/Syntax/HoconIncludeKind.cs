namespace AkkaZk.Hocon.Syntax;

internal enum HoconIncludeKind
{
    /// <summary><c>include "name"</c>: a file next to the including file, or a resource when parsing a resource.</summary>
    Default,
    File,
    Classpath,
    Url,
}
