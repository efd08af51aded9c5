using AkkaZk.Actors;
using AkkaZk.Server.Admin;
using AkkaZk.Server.Peer;
using AkkaZk.Server.Stats;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Hosting;

/// <summary>
/// Runs one node inside the Generic Host: creates the actor system and the PeerActor, and completes start-up
/// once the node serves clients (a standalone node) or at once (an ensemble member, which serves once a quorum exists). A fatal node failure stops the host with exit code 1.
/// </summary>
public sealed class AkkaZkNode(NodeSettings settings, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly ILogger _log = loggerFactory.CreateLogger("AkkaZk.Node");
    private ActorSystem? _system;
    private AdminHttpServer? _admin;

    public ServerStats Stats { get; } = new();
    public ConnectionRegistry Connections { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        _system = ActorSystem.Create("akkazk", new ActorSystemSettings { LoggerFactory = loggerFactory });
        var serving = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var peer = _system.ActorOf(PeerActor.Props(settings, Stats, Connections, OnFatal, serving), "peer");
        if (settings.Ensemble is not null)
        {
            // An ensemble member serves once a quorum has elected a leader, which may be long after start-up.
            _log.LogInformation("Node {Id} started in ensemble mode; clients are served once a leader is established", settings.ServerId);
        }
        else
        {
            var port = await serving.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            _log.LogInformation("Node {Id} started in {Ms} ms; clients connect to port {Port}", settings.ServerId, Environment.TickCount64 - started, port);
        }
        // After the client port: Kestrel's start-up must not delay serving clients.
        if (settings.AdminServer is { } admin)
        {
            _admin = new AdminHttpServer(admin, peer, _log);
            await _admin.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_system is null) return;
        _log.LogInformation("Node {Id} shutting down", settings.ServerId);
        if (_admin is not null) await _admin.DisposeAsync().ConfigureAwait(false);
        await _system.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnFatal(string reason)
    {
        _log.LogCritical("Node {Id} stopping: {Reason}", settings.ServerId, reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
