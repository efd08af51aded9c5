using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Tests.Ensemble.Election;

/// <summary>
/// One Apache ZooKeeper 3.8.0 server (Debian's jars) of an ensemble, as a process with its own temp dir (zoo.cfg,
/// dataDir with myid), logging through slf4j-simple so tests can read its log. Disposal kills it and deletes the dir.
/// </summary>
public sealed class ZooKeeperPeerProcess : IAsyncDisposable
{
    private const string Lib = "/usr/share/java";
    private static readonly string[] Jars = ["zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-simple.jar"];
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ZooKeeperPeerProcess(long id, int clientPort, string directory, Process process)
    {
        Id = id;
        ClientPort = clientPort;
        Directory = directory;
        _process = process;
    }

    public long Id { get; }
    public int ClientPort { get; }
    public string Directory { get; }

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static async Task<ZooKeeperPeerProcess> StartAsync(long id, IReadOnlyList<PeerAddress> servers, int clientPort)
    {
        foreach (var jar in Jars)
            if (!File.Exists(Path.Combine(Lib, jar)))
                throw new InvalidOperationException($"Apache ZooKeeper 3.8.0 is not installed: {Lib}/{jar} is missing (apt-get install zookeeper libzookeeper-java libslf4j-java)");
        var directory = System.IO.Directory.CreateTempSubdirectory($"akkazk-election-zk{id}-").FullName;
        var dataDir = Path.Combine(directory, "data");
        System.IO.Directory.CreateDirectory(dataDir);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "myid"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cfg = Path.Combine(directory, "zoo.cfg");
        await File.WriteAllLinesAsync(cfg,
        [
            "tickTime=500", "initLimit=10", "syncLimit=5",
            $"dataDir={dataDir}", $"clientPort={clientPort}", "clientPortAddress=127.0.0.1",
            "4lw.commands.whitelist=*", "admin.enableServer=false",
            .. servers.Select(s => $"server.{s.Id}={s.Host}:{s.QuorumPort}:{s.ElectionPort}"),
        ]);
        var info = new ProcessStartInfo("java")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dzookeeper.jmx.log4j.disable=true",
                     "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                     "-cp", string.Join(':', Jars.Select(j => Path.Combine(Lib, j))),
                     "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfg,
                 })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start java");
        var server = new ZooKeeperPeerProcess(id, clientPort, directory, process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The srvr four-letter word's answer, or "" while the client port does not answer.</summary>
    public async Task<string> SrvrAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync("127.0.0.1", ClientPort, cts.Token);
            await socket.SendAsync("srvr"u8.ToArray(), SocketFlags.None, cts.Token);
            var output = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token)) > 0) output.Write(buffer, 0, n);
            return Encoding.ASCII.GetString(output.ToArray());
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return "";
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
