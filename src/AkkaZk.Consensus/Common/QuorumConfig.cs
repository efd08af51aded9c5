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

    /// <summary>This config under another version: the string's "version=" line is rewritten (QuorumVerifier.setVersion).</summary>
    public QuorumConfig WithVersion(long version) =>
        new(Voters, Observers, QuorumConfigText.WithVersion(ConfigString, version), version);

    /// <summary>
    /// A QuorumVerifier string as peers exchange it (QuorumMaj.toString: <c>server.N=host:q:e:role[;client]</c> lines,
    /// then <c>version=hex</c>); null when it names no voter.
    /// </summary>
    public static QuorumConfig? Parse(string text)
    {
        var (voters, observers, version) = QuorumConfigText.Members(text);
        return voters.Count == 0 ? null : new QuorumConfig(voters, observers, text, version);
    }

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
