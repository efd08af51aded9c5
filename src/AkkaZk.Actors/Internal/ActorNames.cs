namespace AkkaZk.Actors.Internal;

internal static class ActorNames
{
    /// <summary>The n-th generated name: <c>$a</c>, <c>$b</c>, … <c>$z</c>, <c>$ab</c>, … (least significant letter first).</summary>
    public static string Auto(int n)
    {
        Span<char> buffer = stackalloc char[16];
        int length = 0;
        buffer[length++] = '$';
        uint value = (uint)n;
        do
        {
            buffer[length++] = (char)('a' + (value % 26));
            value /= 26;
        }
        while (value != 0);

        return new string(buffer[..length]);
    }

    /// <summary>Names become path elements; '$' is reserved for generated names.</summary>
    public static void Validate(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("Actor name must not be empty");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name [{name}] must not start with '$'");
        }

        foreach (char c in name)
        {
            if (c is '/' or '#' or '?' or ' ' || char.IsControl(c))
            {
                throw new InvalidActorNameException($"Actor name [{name}] contains the illegal character '{c}'");
            }
        }
    }
}
