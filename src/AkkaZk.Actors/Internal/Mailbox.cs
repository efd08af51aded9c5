using System.Collections.Concurrent;

namespace AkkaZk.Actors.Internal;

/// <summary>
/// An actor's two queues and its turn on the thread pool. The mailbox is itself the work item, so scheduling a
/// turn allocates nothing; a CAS on <see cref="_scheduled"/> makes sure at most one turn runs at a time and that
/// a message enqueued while a turn ends is never left behind.
/// </summary>
internal sealed class Mailbox(ActorCell cell, int throughput) : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<Envelope> _user = new();
    private readonly ConcurrentQueue<SystemMessage> _system = new();

    // Unstashed messages go before everything already queued. Only the actor's own turn reads or writes this.
    private readonly Stack<Envelope> _prepended = new();
    private int _scheduled;
    private volatile bool _closed;

    public bool IsClosed => _closed;

    public void Post(in Envelope envelope)
    {
        if (_closed)
        {
            ToDeadLetters(envelope);
            return;
        }

        _user.Enqueue(envelope);

        // The actor may have closed between the check and the enqueue; whoever dequeues first delivers the letter.
        if (_closed)
        {
            DrainUserQueue();
            return;
        }

        TrySchedule();
    }

    public void PostSystem(SystemMessage message)
    {
        _system.Enqueue(message);
        if (_closed)
        {
            DrainSystemQueue();
            return;
        }

        TrySchedule();
    }

    /// <summary>Puts messages in front of the queue, in their order. Called only during the actor's turn.</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        for (int i = envelopes.Count - 1; i >= 0; i--)
        {
            _prepended.Push(envelopes[i]);
        }
    }

    /// <summary>Marks the actor dead: what is queued now and what arrives later goes to dead letters.</summary>
    public void Close()
    {
        _closed = true;
        while (_prepended.TryPop(out var envelope))
        {
            ToDeadLetters(envelope);
        }

        DrainUserQueue();
        DrainSystemQueue();
    }

    public void Execute()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = cell;
        try
        {
            RunTurn();
        }
        finally
        {
            ActorCell.Current = previous;

            // Read the turn-owned state before giving up the turn; after that another turn may own it.
            bool canProcessUser = !_closed && cell.CanProcessUserMessages;
            bool hasPrepended = canProcessUser && _prepended.Count > 0;

            // A full fence: the queue checks below must not move before the release of the turn.
            Interlocked.Exchange(ref _scheduled, 0);
            if (!_closed && (hasPrepended || !_system.IsEmpty || (canProcessUser && !_user.IsEmpty)))
            {
                TrySchedule();
            }
        }
    }

    private void RunTurn()
    {
        // The budget counts system messages too: a ReceiveAsync continuation is one, and a chatty handler must not hog a thread.
        int budget = throughput;
        if (!ProcessSystemMessages(ref budget))
        {
            return;
        }

        while (budget > 0 && !_closed && cell.CanProcessUserMessages && TryDequeueUser(out var envelope))
        {
            budget--;
            cell.Invoke(envelope);
            if (!ProcessSystemMessages(ref budget))
            {
                return;
            }
        }
    }

    /// <summary>Runs queued system messages; false when the budget ran out with some still queued.</summary>
    private bool ProcessSystemMessages(ref int budget)
    {
        while (_system.TryDequeue(out var message))
        {
            if (_closed)
            {
                cell.SystemInvokeAfterDeath(message);
            }
            else
            {
                cell.SystemInvoke(message);
            }

            if (--budget <= 0)
            {
                return _system.IsEmpty;
            }
        }

        return true;
    }

    private bool TryDequeueUser(out Envelope envelope) =>
        _prepended.TryPop(out envelope) || _user.TryDequeue(out envelope);

    private void TrySchedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void DrainUserQueue()
    {
        while (_user.TryDequeue(out var envelope))
        {
            ToDeadLetters(envelope);
        }
    }

    private void DrainSystemQueue()
    {
        while (_system.TryDequeue(out var message))
        {
            cell.SystemInvokeAfterDeath(message);
        }
    }

    private void ToDeadLetters(in Envelope envelope) =>
        cell.System.DeadLetterSink.Publish(new DeadLetter(envelope.Message, envelope.Sender, cell.Self));
}
