using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>ZooKeeper's PathUtils.validatePath; any violation is BadArguments on the wire.</summary>
public static class PathValidator
{
    /// <summary>Null when the path is valid, otherwise <see cref="ErrorCode.BadArguments"/>.</summary>
    public static ErrorCode? Validate(string? path) => IsValid(path) ? null : ErrorCode.BadArguments;

    public static bool IsValid(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/') return false;
        if (path.Length == 1) return true;
        if (path[^1] == '/') return false;

        var last = '/';
        for (var i = 1; i < path.Length; last = path[i], i++)
        {
            var c = path[i];
            if (c == '\0') return false;
            if (c == '/' && last == '/') return false;   // empty node name
            if (c == '.' && last == '.')
            {
                if (path[i - 2] == '/' && (i + 1 == path.Length || path[i + 1] == '/')) return false;   // ".."
            }
            else if (c == '.')
            {
                if (path[i - 1] == '/' && (i + 1 == path.Length || path[i + 1] == '/')) return false;   // "."
            }
            else if (c is > '\u0000' and <= '\u001f' or >= '\u007f' and <= '\u009f'
                     or >= '\ud800' and <= '\uf8ff' or >= '\ufff0')
            {
                return false;   // control, surrogate (so supplementary characters), private-use and specials
            }
        }
        return true;
    }
}
