using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>PrepRequestProcessor.fixupACL (PROTOCOL 10.3) for create and setACL.</summary>
public static class AclFixer
{
    /// <summary>Returns Ok and the list to store, or InvalidAcl.</summary>
    public static ErrorCode Fixup(IReadOnlyList<Acl>? acl, IReadOnlyList<Id> authIds, out IReadOnlyList<Acl> fixedAcl)
    {
        fixedAcl = [];
        if (acl is null) return ErrorCode.InvalidAcl;

        // removeDuplicates keeps the first occurrence of each equal entry.
        var unique = new List<Acl>(acl.Count);
        foreach (var entry in acl)
            if (!unique.Contains(entry)) unique.Add(entry);
        if (unique.Count == 0) return ErrorCode.InvalidAcl;

        var result = new List<Acl>(unique.Count);
        foreach (var entry in unique)
        {
            if (entry?.Id?.Scheme is null) return ErrorCode.InvalidAcl;
            var id = entry.Id;
            if (id.Scheme == "world" && id.Ident == "anyone")
            {
                result.Add(entry);
            }
            else if (id.Scheme == "auth")
            {
                // Expand to the caller's ids whose provider says isAuthenticated(): digest only (ip is not, super has no
                // provider), in the order ZooKeeper's authInfo set iterates them.
                var added = false;
                foreach (var authId in AuthInfoOrder.Of(authIds))
                {
                    if (authId.Scheme != DigestAuthenticationProvider.Scheme) continue;
                    result.Add(new Acl(entry.Perms, authId));
                    added = true;
                }
                if (!added) return ErrorCode.InvalidAcl;
            }
            else
            {
                var valid = id.Scheme switch
                {
                    DigestAuthenticationProvider.Scheme => DigestAuthenticationProvider.IsValid(id.Ident),
                    IpAuthenticationProvider.Scheme => IpAuthenticationProvider.IsValid(id.Ident),
                    _ => false,   // world with another id, super, unknown schemes: no provider
                };
                if (!valid) return ErrorCode.InvalidAcl;
                result.Add(entry);
            }
        }
        fixedAcl = result;
        return ErrorCode.Ok;
    }
}
