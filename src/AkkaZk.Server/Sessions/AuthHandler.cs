using System.Text;
using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// The auth packet (opcode 100), handled on the connection before the pipeline as ZooKeeper does:
/// digest adds digest:user:base64(sha1) (and super when it equals the configured superDigest), ip adds the
/// peer address; any other scheme fails (the caller answers AuthFailed and closes).
/// </summary>
public static class AuthHandler
{
    public static IReadOnlyList<Id>? Authenticate(AuthPacket packet, string remoteAddress, string? superDigest)
    {
        switch (packet.Scheme)
        {
            case "digest":
            {
                var credentials = Encoding.UTF8.GetString(packet.Auth ?? []);
                var digest = DigestAuthenticationProvider.GenerateDigest(credentials);
                var ids = new List<Id> { new("digest", digest) };
                if (superDigest is not null && digest == superDigest) ids.Add(new Id("super", string.Empty));
                return ids;
            }
            case "ip":
                return [new Id("ip", remoteAddress)];
            default:
                return null;
        }
    }
}
