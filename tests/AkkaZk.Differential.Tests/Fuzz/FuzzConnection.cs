using System.Buffers.Binary;
using System.Net.Sockets;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>What the server did with one fuzz connection.</summary>
public enum CaseOutcome
{
    /// <summary>The probe ping was answered and the connection stayed open.</summary>
    Answered,

    /// <summary>The server closed the connection (after replying or not).</summary>
    ClosedByServer,

    /// <summary>The client closed or reset it; the server's clean-up is checked once at the end of the run.</summary>
    ClosedByClient,
}

/// <summary>The outcome of one case and the bytes the server sent back.</summary>
public sealed record CaseResult(CaseOutcome Outcome, long BytesReceived);

/// <summary>Thrown when the server neither answers nor closes a fuzz connection within the bound.</summary>
public sealed class FuzzHangException(string message) : Exception(message);

/// <summary>Runs one <see cref="FuzzCase"/> on a fresh connection and waits (bounded) for the server's verdict.</summary>
public static class FuzzConnection
{
    private static readonly byte[] ProbePing = BuildProbe();

    public static async Task<CaseResult> RunAsync(string host, int port, FuzzCase fuzzCase, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var write in fuzzCase.Writes())
                await socket.SendAsync(write, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            switch (fuzzCase.Ending)
            {
                case CaseEnding.Probe:
                    await socket.SendAsync(ProbePing, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    break;
                case CaseEnding.HalfClose:
                    socket.Shutdown(SocketShutdown.Send);
                    break;
                case CaseEnding.Idle:
                    break;
                case CaseEnding.Reset:
                    socket.LingerState = new LingerOption(true, 0);
                    return new CaseResult(CaseOutcome.ClosedByClient, 0);
                default:
                    return new CaseResult(CaseOutcome.ClosedByClient, 0);
            }
        }
        catch (SocketException)
        {
            // The server closed (or reset) while the case was still being written: that is its answer.
            return new CaseResult(CaseOutcome.ClosedByServer, 0);
        }
        return await AwaitVerdictAsync(socket, fuzzCase, bound, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads until the probe's reply (xid −2) arrives or the server closes; neither within the bound is a hang.</summary>
    private static async Task<CaseResult> AwaitVerdictAsync(Socket socket, FuzzCase fuzzCase, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                int n;
                try
                {
                    n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    return new CaseResult(CaseOutcome.ClosedByServer, received.Length);
                }
                if (n == 0) return new CaseResult(CaseOutcome.ClosedByServer, received.Length);
                received.Write(buffer, 0, n);
                if (fuzzCase.Ending == CaseEnding.Probe && HasProbeReply(received.GetBuffer().AsSpan(0, (int)received.Length)))
                    return new CaseResult(CaseOutcome.Answered, received.Length);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var waitingFor = fuzzCase.Ending switch
            {
                CaseEnding.Probe => "answered the probe ping",
                CaseEnding.Idle => "timed out the silent sessionless connection",
                _ => "closed after the client's FIN",
            };
            throw new FuzzHangException(
                $"server neither {waitingFor} nor closed within {bound.TotalSeconds}s ({received.Length} bytes received): {fuzzCase}");
        }
    }

    /// <summary>True once the replies so far include a frame whose xid is the ping's (−2).</summary>
    private static bool HasProbeReply(ReadOnlySpan<byte> replies)
    {
        while (replies.Length >= 4)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(replies);
            if (length < 0 || replies.Length - 4 < length) return false;
            if (length >= 4 && BinaryPrimitives.ReadInt32BigEndian(replies[4..]) == Xids.Ping) return true;
            replies = replies[(4 + length)..];
        }
        return false;
    }

    private static byte[] BuildProbe()
    {
        var writer = new JuteWriter(16);
        RequestWriter.WriteRequest(writer, new RequestHeader(Xids.Ping, OpCode.Ping), null);
        return writer.ToArray();
    }
}
