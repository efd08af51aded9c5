namespace AkkaZk.Actors.Internal;

/// <summary>An actor's stash. Used only during the actor's turn.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public bool IsEmpty => _stashed.Count == 0;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.IsEmpty)
        {
            throw new IllegalActorStateException("Stash() may be called only while the actor processes a message");
        }

        if (_stashed.Count > 0 && ReferenceEquals(_stashed[^1].Message, current.Message))
        {
            throw new IllegalActorStateException($"Can't stash the same message {TypeNames.Of(current.Message)} twice");
        }

        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        Prepend([first]);
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        Prepend(_stashed.ToArray());
        _stashed.Clear();
    }

    public void ClearStash() => _stashed.Clear();

    /// <summary>The actor stopped: what it stashed was never handled, so it goes to dead letters.</summary>
    internal void DropAll()
    {
        foreach (var envelope in _stashed)
        {
            cell.System.DeadLetterSink.Publish(new DeadLetter(envelope.Message, envelope.Sender, cell.Self));
        }

        _stashed.Clear();
    }

    private void Prepend(Envelope[] envelopes)
    {
        foreach (var envelope in envelopes)
        {
            if (envelope.Message is Terminated terminated)
            {
                cell.RequeueTerminated(terminated);
            }
        }

        cell.Mailbox.Prepend(envelopes);
    }
}
