using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Tests.Configuration;

/// <summary>hocon/ensemble-3: each node's HOCON file and its zoo.cfg twin describe the same ensemble.</summary>
public sealed class EnsembleConfigFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_hocon_and_zoo_cfg_forms_of_a_node_agree(int id)
    {
        var dir = Path.Combine(RepositoryRoot(), "hocon", "ensemble-3");
        var hocon = ServerConfigLoader.Load(Path.Combine(dir, $"node{id}.conf"));
        // The zoo.cfg's dataDir is relative; point it at a folder holding myid, as ZooKeeper expects.
        var dataDir = Path.Combine(_folder.Path, $"node{id}");
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(Path.Combine(dataDir, "myid"), $"{id}\n");
        var text = File.ReadAllText(Path.Combine(dir, $"zoo{id}.cfg")).Replace($"dataDir=./data/node{id}", $"dataDir={dataDir}");
        var zooCfg = ServerConfigLoader.Load(_folder.Write($"zoo{id}.cfg", text));

        Assert.False(hocon.IsStandalone);
        Assert.Equal(id, hocon.ServerId);
        Assert.Equal(id, zooCfg.ServerId);
        Assert.Equal(2180 + id, hocon.ClientPort);
        Assert.Equal(hocon.ClientPort, zooCfg.ClientPort);
        Assert.Equal((10, 5), (hocon.InitLimit, hocon.SyncLimit));
        Assert.Equal((hocon.InitLimit, hocon.SyncLimit, hocon.TickTime), (zooCfg.InitLimit, zooCfg.SyncLimit, zooCfg.TickTime));
        Assert.Equal(
            hocon.Servers.Select(s => (s.Id, s.Host, s.QuorumPort, s.ElectionPort, s.Role, s.ClientPort)),
            zooCfg.Servers.Select(s => (s.Id, s.Host, s.QuorumPort, s.ElectionPort, s.Role, s.ClientPort)));
        Assert.Equal([2888, 2889, 2890], hocon.Servers.Select(s => s.QuorumPort));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AkkaZk.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AkkaZk.sln not found above " + AppContext.BaseDirectory);
    }
}
