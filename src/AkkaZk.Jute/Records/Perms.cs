namespace AkkaZk.Jute;

/// <summary>ACL permission bits (ZooDefs.Perms).</summary>
public static class Perms
{
    public const int Read = 1;
    public const int Write = 2;
    public const int Create = 4;
    public const int Delete = 8;
    public const int Admin = 16;
    public const int All = 31;
}
