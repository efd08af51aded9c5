namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>Counts of a fuzz run, shared by the concurrent fuzz connections.</summary>
public sealed class FuzzTally
{
    private long _cases;
    private long _bytesSent;
    private long _bytesReceived;
    private long _answered;
    private long _closedByServer;
    private long _closedByClient;
    private long _probes;
    private long _sessionClaims;
    private long _idle;

    public long Cases => Interlocked.Read(ref _cases);
    public long SessionClaims => Interlocked.Read(ref _sessionClaims);

    public void Add(FuzzCase fuzzCase, CaseResult result)
    {
        Interlocked.Increment(ref _cases);
        Interlocked.Add(ref _bytesSent, fuzzCase.Stream.Length);
        Interlocked.Add(ref _bytesReceived, result.BytesReceived);
        if (fuzzCase.Ending == CaseEnding.Probe) Interlocked.Increment(ref _probes);
        if (fuzzCase.ClaimsOtherSession) Interlocked.Increment(ref _sessionClaims);
        if (fuzzCase.Ending == CaseEnding.Idle) Interlocked.Increment(ref _idle);
        switch (result.Outcome)
        {
            case CaseOutcome.Answered: Interlocked.Increment(ref _answered); break;
            case CaseOutcome.ClosedByServer: Interlocked.Increment(ref _closedByServer); break;
            default: Interlocked.Increment(ref _closedByClient); break;
        }
    }

    /// <summary>Each case opens one connection, so cases = connections opened.</summary>
    public override string ToString() =>
        $"{Cases} cases = {Cases} connections opened, {Interlocked.Read(ref _bytesSent)} bytes sent, " +
        $"{Interlocked.Read(ref _bytesReceived)} bytes received; {Interlocked.Read(ref _answered)} answered and left open, " +
        $"{Interlocked.Read(ref _closedByServer)} closed by the server, {Interlocked.Read(ref _closedByClient)} closed/reset by the client " +
        $"({Interlocked.Read(ref _probes)} ended with a probe ping, {Interlocked.Read(ref _idle)} went silent mid-handshake, " +
        $"{SessionClaims} claimed the witness's session)";
}
