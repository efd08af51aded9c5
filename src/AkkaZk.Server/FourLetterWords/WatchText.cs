using System.Text;
using AkkaZk.DataTree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>wchs, wchc and wchp over the data-watch table only, as ZooKeeper's DataTree.dumpWatchesSummary / dumpWatches.</summary>
public static class WatchText
{
    public static string Wchs(WatchStatistics watches) =>
        $"{watches.Connections} connections watching {watches.Paths} paths\nTotal watches:{watches.TotalWatches}\n";

    /// <summary>wchc: "0x&lt;sid&gt;" then "\t&lt;path&gt;" per watched path, for each watcher; then an empty line.</summary>
    public static string Wchc(WatchStatistics watches)
    {
        var text = new StringBuilder();
        foreach (var session in watches.WatchesBySession)
        {
            text.Append("0x").Append(session.SessionId.ToString("x")).Append('\n');
            foreach (var path in session.Paths) text.Append('\t').Append(path).Append('\n');
        }
        return text.Append('\n').ToString();
    }

    /// <summary>wchp: "&lt;path&gt;" then "\t0x&lt;sid&gt;" per watcher, for each path; then an empty line.</summary>
    public static string Wchp(WatchStatistics watches)
    {
        var text = new StringBuilder();
        foreach (var path in watches.WatchesByPath)
        {
            text.Append(path.Path).Append('\n');
            foreach (var sessionId in path.SessionIds) text.Append("\t0x").Append(sessionId.ToString("x")).Append('\n');
        }
        return text.Append('\n').ToString();
    }
}
