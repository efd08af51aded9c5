using AkkaZk.Hocon;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: AkkaZk.Server [config]   config = a ZooKeeper zoo.cfg or a native HOCON .conf (default: built-in defaults).
if (args.Length > 1 || args is ["--help" or "-h"])
{
    Console.Error.WriteLine("usage: AkkaZk.Server [zoo.cfg | node.conf]");
    return 2;
}

ServerSettings settings;
try
{
    settings = args.Length == 1 ? ServerConfigLoader.Load(args[0]) : ServerConfigLoader.LoadDefaults();
}
catch (Exception ex) when (ex is HoconException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Invalid configuration: {ex.Message}");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "yyyy-MM-dd HH:mm:ss,fff ";
    o.UseUtcTimestamp = true;
});
builder.Logging.SetMinimumLevel(LogLevel.Information);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Services.AddSingleton(NodeSettingsFactory.Create(settings, args.Length == 1 ? File.ReadAllText(args[0]) : ""));
builder.Services.AddHostedService<AkkaZkNode>();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

using var host = builder.Build();
try
{
    await host.RunAsync();
}
catch (Exception ex)
{
    Console.Error.WriteLine($"AkkaZk failed: {ex.Message}");
    return 1;
}
return Environment.ExitCode;
