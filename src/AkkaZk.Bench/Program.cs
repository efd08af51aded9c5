using System.CommandLine;
using System.Net.Sockets;
using AkkaZk.Bench.Commands;
using AkkaZk.Client;

// AkkaZk.Bench: a pipelined ZooKeeper-protocol load generator (see bench/README.md).
var root = new RootCommand("Load generator for ZooKeeper-protocol servers (AkkaZk, Apache ZooKeeper)")
{
    RunCommand.Create(),
    LatencyCommand.Create(),
    ChurnCommand.Create(),
    TreeCommand.Create(),
    TreeHeapCommand.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or InvalidOperationException
    or KeeperException or SessionExpiredException or OperationCanceledException)
{
    // The server is down, refused the session or a setup step failed: one line, not a stack trace.
    Console.Error.WriteLine($"AkkaZk.Bench: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
