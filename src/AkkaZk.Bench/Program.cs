using System.CommandLine;
using AkkaZk.Bench.Commands;

// AkkaZk.Bench: a pipelined ZooKeeper-protocol load generator (see bench/README.md).
var root = new RootCommand("Load generator for ZooKeeper-protocol servers (AkkaZk, Apache ZooKeeper)")
{
    RunCommand.Create(),
    LatencyCommand.Create(),
    ChurnCommand.Create(),
    TreeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
