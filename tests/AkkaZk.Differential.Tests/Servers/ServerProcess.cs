using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace AkkaZk.Differential.Tests.Servers;

/// <summary>
/// One server process (Apache ZooKeeper 3.8.0 or AkkaZk) on a free loopback port, with a fresh temp dir holding
/// its zoo.cfg and dataDir. Started by <see cref="StartAsync"/>, ready once ruok answers imok and srvr shows a
/// mode; disposal kills the process tree and deletes the dir.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    public const int TickTimeMs = 2000;
    public const string SuperUser = "super:superpw";
    private const int ContainerCheckIntervalMs = 86_400_000;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly LineBuffer _log = new(200);

    private ServerProcess(string name, int port, string directory, Process process)
    {
        Name = name;
        Port = port;
        Directory = directory;
        _process = process;
    }

    public string Name { get; }
    public int Port { get; }
    public string Directory { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>ZooKeeper's DigestAuthenticationProvider.superDigest for <see cref="SuperUser"/>.</summary>
    public static string SuperDigest =>
        "super:" + Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(SuperUser)));

    public static Task<ServerProcess> StartZooKeeperAsync(string name = "zookeeper")
    {
        const string lib = "/usr/share/java";
        foreach (var jar in new[] { "zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-nop.jar" })
        {
            if (!File.Exists(Path.Combine(lib, jar)))
                throw new InvalidOperationException(
                    $"Apache ZooKeeper 3.8.0 is not installed: {lib}/{jar} is missing (apt-get install zookeeper libzookeeper-java; test.sh does this)");
        }
        var classpath = string.Join(':', new[] { "zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-nop.jar" }
            .Select(jar => Path.Combine(lib, jar)));
        return StartAsync(name, "java", cfg =>
        [
            "-Xmx256m", "-XX:+UseSerialGC",
            "-Dzookeeper.jmx.log4j.disable=true",
            $"-Dznode.container.checkIntervalMs={ContainerCheckIntervalMs}",
            "-cp", classpath,
            "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfg,
        ]);
    }

    public static Task<ServerProcess> StartAkkaZkAsync(string name = "akkazk")
    {
        var dll = AkkaZkServerDll();
        if (!File.Exists(dll))
            throw new InvalidOperationException(
                $"AkkaZk server not built: {dll} is missing. Run `dotnet build -c Release src/AkkaZk.Server` (./test.sh builds Release before the tests), or set AKKAZK_SERVER_DLL.");
        return StartAsync(name, "dotnet", cfg => [dll, cfg]);
    }

    /// <summary>src/AkkaZk.Server/bin/Release/net10.0/AkkaZk.Server.dll under the repository root, or AKKAZK_SERVER_DLL.</summary>
    public static string AkkaZkServerDll()
    {
        var overridden = Environment.GetEnvironmentVariable("AKKAZK_SERVER_DLL");
        if (!string.IsNullOrEmpty(overridden)) return overridden;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AkkaZk.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException($"AkkaZk.sln not found above {AppContext.BaseDirectory}");
        return Path.Combine(root, "src", "AkkaZk.Server", "bin", "Release", "net10.0", "AkkaZk.Server.dll");
    }

    private static async Task<ServerProcess> StartAsync(string name, string executable, Func<string, string[]> arguments)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"akkazk-diff-{name}-").FullName;
        var port = FreePort();
        var dataDir = Path.Combine(directory, "data");
        System.IO.Directory.CreateDirectory(dataDir);
        var cfg = Path.Combine(directory, "zoo.cfg");
        await File.WriteAllLinesAsync(cfg,
        [
            $"tickTime={TickTimeMs}",
            $"dataDir={dataDir}",
            $"clientPort={port}",
            $"clientPortAddress={Host}",
            "maxClientCnxns=0",
            "4lw.commands.whitelist=*",
            "admin.enableServer=false",
            "extendedTypesEnabled=true",
            $"DigestAuthenticationProvider.superDigest={SuperDigest}",
            // No container/TTL sweeps during a run: they delete nodes (and use zxids) at times the two servers do not
            // share. ZooKeeper reads this as a JVM system property (passed with -D); AkkaZk reads it from zoo.cfg.
            $"znode.container.checkIntervalMs={ContainerCheckIntervalMs}",
        ]).ConfigureAwait(false);

        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments(cfg)) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        var server = new ServerProcess(name, port, directory, process);
        process.OutputDataReceived += (_, e) => server._log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server._log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync().ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    /// <summary>Polls ruok → imok, then srvr showing "Mode:" (ruok answers as soon as the port listens).</summary>
    private async Task WaitReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} during start-up\n{_log}");
            try
            {
                if (await FourLetterWordAsync("ruok").ConfigureAwait(false) == "imok"
                    && (await FourLetterWordAsync("srvr").ConfigureAwait(false)).Contains("Mode:", StringComparison.Ordinal))
                    return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
            }
            if (deadline.Elapsed > ReadyTimeout)
                throw new TimeoutException($"{Name} did not answer ruok/srvr on {Host}:{Port} within {ReadyTimeout.TotalSeconds}s\n{_log}");
            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>Sends a four-letter word and reads the reply until the server closes (bounded).</summary>
    public async Task<string> FourLetterWordAsync(string word, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(Host, Port, cts.Token).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes(word), SocketFlags.None, cts.Token).ConfigureAwait(false);
            var output = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token).ConfigureAwait(false)) > 0)
                output.Write(buffer, 0, n);
            return Encoding.ASCII.GetString(output.ToArray());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name}: {word} not answered");
        }
    }

    public string LogTail() => _log.ToString();

    /// <summary>The process's resident set (VmRSS in /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long ResidentSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kib, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"no VmRSS for {Name} (pid {_process.Id})");
    }

    /// <summary>One numeric line of mntr (e.g. "num_alive_connections"), without its zk_ prefix.</summary>
    public async Task<long> MonitorValueAsync(string key)
    {
        var text = await FourLetterWordAsync("mntr").ConfigureAwait(false);
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0] == "zk_" + key)
                return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"{Name}: mntr has no zk_{key}\n{text}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
        }
        _process.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The last lines the process printed, for failure messages.</summary>
    private sealed class LineBuffer(int capacity)
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > capacity) _lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (_lines) return _lines.Count == 0 ? "(no output)" : string.Join('\n', _lines);
        }
    }
}
