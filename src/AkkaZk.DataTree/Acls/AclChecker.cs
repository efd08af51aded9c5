using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>ZooKeeperServer.checkACL (PROTOCOL 10.4) with the built-in digest and ip providers.</summary>
public static class AclChecker
{
    public static bool Check(IReadOnlyList<Acl>? acl, int perm, IReadOnlyList<Id> authIds)
    {
        if (acl is null || acl.Count == 0) return true;
        foreach (var authId in authIds)
            if (authId.Scheme == "super") return true;

        foreach (var entry in acl)
        {
            if ((entry.Perms & perm) == 0) continue;
            var id = entry.Id;
            if (id.Scheme == "world" && id.Ident == "anyone") return true;
            foreach (var authId in authIds)
            {
                if (authId.Scheme != id.Scheme) continue;
                if (Matches(id.Scheme, authId.Ident, id.Ident)) return true;
            }
        }
        return false;
    }

    /// <summary>Only schemes with a server provider can match; others (super, world:x, sasl…) never do.</summary>
    private static bool Matches(string scheme, string clientId, string aclId) => scheme switch
    {
        DigestAuthenticationProvider.Scheme => DigestAuthenticationProvider.Matches(clientId, aclId),
        IpAuthenticationProvider.Scheme => IpAuthenticationProvider.Matches(clientId, aclId),
        _ => false,
    };
}
