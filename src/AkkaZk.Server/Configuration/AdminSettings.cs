using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>ZooKeeper's AdminServer (admin.enableServer, admin.serverAddress, admin.serverPort, admin.commandURL).</summary>
public sealed record AdminSettings(bool EnableServer, string ServerAddress, int ServerPort, string CommandUrl)
{
    internal static AdminSettings FromConfig(Config admin) => new(
        admin.GetBoolean("enable-server"),
        admin.GetString("server-address"),
        admin.GetPort("server-port"),
        admin.GetString("command-url"));
}
