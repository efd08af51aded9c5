using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AkkaZk.Jute;
using AkkaZk.Server.Admin;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaZk.Server.Tests.Admin;

/// <summary>ZooKeeper's AdminServer commands and the Prometheus endpoint over HTTP, on a live node.</summary>
public sealed class AdminServerTests : IAsyncLifetime
{
    private readonly int _adminPort = FreePort();
    private readonly int _metricsPort = FreePort();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private TestNode _node = null!;
    private AdminHttpServer _admin = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _admin = new AdminHttpServer(Settings(_adminPort, _metricsPort), _node.Peer, NullLogger.Instance);
        await _admin.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _admin.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Commands_answer_ZooKeepers_fields_about_the_live_server()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/admin-eph", [1, 2, 3], CreateMode.Ephemeral);
        await client.GetDataAsync("/admin-eph", watch: true);

        var monitor = await GetAsync("commands/monitor");
        Assert.Equal("monitor", monitor.GetProperty("command").GetString());
        Assert.Equal(JsonValueKind.Null, monitor.GetProperty("error").ValueKind);
        Assert.Equal("standalone", monitor.GetProperty("server_state").GetString());
        Assert.Equal(1, monitor.GetProperty("ephemerals_count").GetInt64());
        Assert.True(monitor.GetProperty("znode_count").GetInt64() >= 6);

        // A four-letter word is an alias of its command.
        Assert.Equal("monitor", (await GetAsync("commands/mntr")).GetProperty("command").GetString());

        var connections = (await GetAsync("commands/connections")).GetProperty("connections");
        Assert.Contains(connections.EnumerateArray(), c => c.GetProperty("session_id").GetInt64() == client.SessionId);

        var watches = (await GetAsync("commands/watches")).GetProperty("session_id_to_watched_paths");
        Assert.Equal("/admin-eph", watches.GetProperty(client.SessionId.ToString()).EnumerateArray().Single().GetString());
        Assert.Equal(1, (await GetAsync("commands/watch_summary")).GetProperty("num_total_watches").GetInt64());

        var dump = (await GetAsync("commands/dump")).GetProperty("session_id_to_ephemeral_paths");
        Assert.Equal("/admin-eph", dump.GetProperty(client.SessionId.ToString()).EnumerateArray().Single().GetString());

        var stats = await GetAsync("commands/stats");
        Assert.Equal("standalone", stats.GetProperty("server_stats").GetProperty("server_state").GetString());
        Assert.True(stats.GetProperty("connections").GetArrayLength() >= 1);
        // The test node's conf lists only clientPort (bound as 0 = any free port).
        Assert.Equal(0, (await GetAsync("commands/configuration")).GetProperty("client_port").GetInt32());
    }

    [Fact]
    public async Task Every_listed_command_answers_and_an_unknown_one_says_so()
    {
        var list = await _http.GetStringAsync($"http://127.0.0.1:{_adminPort}/commands");
        foreach (var command in AdminCommands.All)
        {
            Assert.Contains($"/commands/{command.Name}\"", list);
            var answer = await GetAsync($"commands/{command.Name}");
            Assert.Equal(command.Name, answer.GetProperty("command").GetString());
        }
        var unknown = await GetAsync("commands/nosuch");
        Assert.Equal("Unknown command: nosuch", unknown.GetProperty("error").GetString());
        var stmk = await GetAsync("commands/set_trace_mask?traceMask=5");
        Assert.Equal(5, stmk.GetProperty("tracemask").GetInt64());
        Assert.Equal(5, (await GetAsync("commands/gtmk")).GetProperty("tracemask").GetInt64());
    }

    [Fact]
    public async Task Metrics_are_served_in_Prometheus_text_format()
    {
        var text = await _http.GetStringAsync($"http://127.0.0.1:{_metricsPort}/metrics");
        Assert.Contains("# TYPE znode_count gauge\n", text);
        var line = text.Split('\n').Single(l => l.StartsWith("znode_count ", StringComparison.Ordinal));
        Assert.True(long.Parse(line["znode_count ".Length..]) >= 5);
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.Matches(@"^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+|[a-zA-Z_:][a-zA-Z0-9_:]* -?[0-9.eE+-]+)$", l));
    }

    [Fact]
    public async Task A_port_in_use_is_logged_and_the_node_keeps_serving()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var second = new AdminHttpServer(Settings(port, FreePort()) with { Metrics = new MetricsSettings(false, 0) },
            _node.Peer, NullLogger.Instance);

        await second.StartAsync(CancellationToken.None);

        await using var client = await _node.ConnectAsync();
        Assert.Null(await client.ExistsAsync("/nothing-here"));
    }

    private AdminServerSettings Settings(int adminPort, int metricsPort) => new(
        new AdminSettings(true, "127.0.0.1", adminPort, "/commands"),
        new MetricsSettings(true, metricsPort),
        new AdminContext(0, "tickTime=200\n", _node.DataDir, new Dictionary<long, string>()));

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync($"http://127.0.0.1:{_adminPort}/{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
