using System.Net;
using System.Text;
using AkkaZk.Actors;
using AkkaZk.Server.Peer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Admin;

/// <summary>
/// ZooKeeper's AdminServer (GET {commandURL} lists the commands, GET {commandURL}/{name} answers JSON) and the
/// Prometheus endpoint (GET /metrics), each on its own Kestrel listener when enabled. As ZooKeeper, a listener that
/// cannot start is logged and the node goes on serving clients.
/// </summary>
public sealed class AdminHttpServer(AdminServerSettings settings, IActorRef peer, ILogger log) : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly List<WebApplication> _apps = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = settings.Admin;
        if (admin.EnableServer)
            await TryStartAsync("AdminServer", admin.ServerAddress, admin.ServerPort, MapCommands, cancellationToken).ConfigureAwait(false);
        if (settings.Metrics.Enabled)
            await TryStartAsync("Prometheus metrics", "0.0.0.0", settings.Metrics.HttpPort, MapMetrics, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync().ConfigureAwait(false);
        _apps.Clear();
    }

    private async Task TryStartAsync(string what, string address, int port, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Parse(address), port));
        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            _apps.Add(app);
            log.LogInformation("Node {Id}: {What} listening on {Address}:{Port}", settings.Context.ServerId, what, address, port);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            log.LogError("Node {Id}: {What} could not start on {Address}:{Port}: {Reason}", settings.Context.ServerId, what, address, port, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void MapCommands(WebApplication app)
    {
        var root = "/" + settings.Admin.CommandUrl.Trim('/');
        app.MapGet(root, () => Results.Content(CommandList(root), "text/html"));
        app.MapGet(root + "/{name}", async (string name, HttpRequest request) =>
        {
            var json = await RunAsync(name, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
            return Results.Content(json, "application/json");
        });
    }

    private void MapMetrics(WebApplication app) => app.MapGet("/metrics", async () =>
    {
        var service = await ServiceAsync();
        var text = service is null ? "" : PrometheusText.From(await service.RunUncheckedAsync("mntr"));
        return Results.Text(text, "text/plain; version=0.0.4", Encoding.UTF8);
    });

    private async Task<string> RunAsync(string name, IReadOnlyDictionary<string, string> query)
    {
        var command = AdminCommands.Find(name);
        if (command is null) return AdminJson.Answer(name, AdminAnswer.Failed($"Unknown command: {name}"));
        var request = new AdminRequest(await ServiceAsync(), query, settings.Context);
        return AdminJson.Answer(command.Name, await command.Run(request));
    }

    private async Task<FourLetterWords.FourLetterWordService?> ServiceAsync()
    {
        try
        {
            return (await peer.Ask<PeerProtocol.Commands>(new PeerProtocol.GetCommands(), AskTimeout)).Service;
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    private static string CommandList(string root) => string.Join("<br/>\n",
        AdminCommands.All.Select(c => $"<a href=\"{root}/{c.Name}\">{c.Name}</a>")) + "\n";
}
