using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors.Internal;

/// <summary>
/// The runtime side of one actor: its mailbox, children, watchers and lifecycle. Everything here runs during the
/// actor's turn, one message at a time, except the children table, which the guardian shares with any thread
/// calling <see cref="ActorSystem.ActorOf"/> and which is therefore locked.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    [ThreadStatic]
    private static ActorCell? t_creating;

    private readonly Props _props;
    private readonly InternalActorRef _parent;
    private readonly LocalActorRef _self;
    private ActorBase? _actor;
    private Envelope _current;
    private ILogger? _log;
    private TimerScheduler? _timers;
    private ActorStash? _stash;

    public ActorCell(ActorSystem system, Props props, InternalActorRef parent, ActorPath path)
    {
        System = system;
        _props = props;
        _parent = parent;
        _self = new LocalActorRef(this, path);
        Mailbox = new Mailbox(this, system.Settings.Throughput);
    }

    /// <summary>The cell whose turn runs on this thread, if any.</summary>
    internal static ActorCell? Current
    {
        get => t_current;
        set => t_current = value;
    }

    /// <summary>The cell whose actor instance is being constructed on this thread, if any.</summary>
    internal static ActorCell? Creating => t_creating;

    internal Mailbox Mailbox { get; }

    internal LocalActorRef SelfRef => _self;

    internal Envelope CurrentEnvelope => _current;

    internal IActorRef? CurrentSender => _current.Sender;

    /// <summary>True while the actor may take its next user message.</summary>
    internal bool CanProcessUserMessages =>
        _actor is not null && !_isFailed && _suspendCount == 0 && !_awaitingAsync && !_terminating && _recreateCause is null;

    public IActorRef Self => _self;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public IActorRef Parent => _parent;

    public ActorSystem System { get; }

    public ILogger Log => _log ?? CreateLog();

    internal void Start() => Mailbox.PostSystem(SystemMessages.Create.Instance);

    /// <summary>Runs one user message; any exception goes to the supervisor.</summary>
    internal void Invoke(in Envelope envelope)
    {
        _current = envelope;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceive(envelope.Message);
            }
            else
            {
                _actor!.AroundReceive(envelope.Message);
            }
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
        }
        finally
        {
            _current = default;
        }
    }

    internal void LogUnhandled(object message) =>
        KernelLog.Unhandled(Log, TypeNames.Of(message), _current.Sender?.Path.ToString() ?? "NoSender", _self.Path.ToString());

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case TimerMessage timer:
                if (_timers is not null && _timers.TryAccept(timer))
                {
                    _current = new Envelope(timer.Message, null);
                    _actor!.AroundReceive(timer.Message);
                }

                break;
            case Terminated terminated:
                // Drop a Terminated for an actor unwatched since it was queued, as Akka does.
                if (_terminatedQueued is not null && _terminatedQueued.Remove(terminated.ActorRef))
                {
                    _actor!.AroundReceive(terminated);
                }

                break;
            case PoisonPill:
                Stop(_self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            default:
                _actor!.AroundReceive(message);
                break;
        }
    }

    private ILogger CreateLog()
    {
        var log = System.LoggerFactory.CreateLogger(_props.Type.FullName ?? _props.Type.Name);
        Interlocked.CompareExchange(ref _log, log, null);
        return _log;
    }
}
