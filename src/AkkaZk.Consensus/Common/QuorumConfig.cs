using System.Globalization;
using System.Text;

namespace AkkaZk.Consensus;

/// <summary>
/// The static ensemble: voting members and observers, plus the QuorumVerifier string peers exchange in
/// notifications and NEWLEADER. A quorum is a strict majority of the voters (QuorumMaj); observers never count.
/// </summary>
public sealed record QuorumConfig
{
    public QuorumConfig(IEnumerable<long> voters, IEnumerable<long>? observers = null, string? configString = null, long version = 0)
    {
        Voters = new SortedSet<long>(voters);
        Observers = new SortedSet<long>(observers ?? []);
        if (Voters.Count == 0) throw new ArgumentException("an ensemble needs a voter", nameof(voters));
        if (Voters.Overlaps(Observers)) throw new ArgumentException("a server is either a voter or an observer", nameof(observers));
        Version = version;
        ConfigString = configString ?? DefaultConfigString(Voters, Observers, version);
    }

    public IReadOnlySet<long> Voters { get; }
    public IReadOnlySet<long> Observers { get; }
    public string ConfigString { get; }
    public long Version { get; }

    public static QuorumConfig Majority(params long[] voters) => new(voters);

    public bool IsVoter(long sid) => Voters.Contains(sid);

    public bool IsMember(long sid) => Voters.Contains(sid) || Observers.Contains(sid);

    public IEnumerable<long> Members => Voters.Concat(Observers);

    /// <summary>QuorumMaj.containsQuorum: more than half of the voters are in the set.</summary>
    public bool IsQuorum(IEnumerable<long> sids) => sids.Distinct().Count(Voters.Contains) > Voters.Count / 2;

    /// <summary>The shape of QuorumMaj.toString for loopback members (real nodes pass their own string).</summary>
    private static string DefaultConfigString(IEnumerable<long> voters, IEnumerable<long> observers, long version)
    {
        var text = new StringBuilder();
        foreach (var sid in voters.Concat(observers).Order())
        {
            var role = observers.Contains(sid) ? "observer" : "participant";
            text.Append(CultureInfo.InvariantCulture, $"server.{sid}=127.0.0.1:{2880 + sid}:{3880 + sid}:{role}\n");
        }
        return text.Append(CultureInfo.InvariantCulture, $"version={version:x}").ToString();
    }
}
