using System.Text.RegularExpressions;
using AkkaZk.Actors.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaZk.Actors;

/// <summary>A hierarchy of actors sharing the thread pool, a scheduler and dead letters. Top-level actors live under <c>/user</c>.</summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _guardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorPath _tempPath;
    private int _terminateRequested;
    private int _nextTempName;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = settings.LoggerFactory ?? NullLoggerFactory.Instance;
        TimeProvider = settings.TimeProvider ?? TimeProvider.System;
        SchedulerImpl = new TimeProviderScheduler(TimeProvider);

        var root = ActorPath.Root(name);
        _tempPath = root / "temp";
        DeadLetterSink = new DeadLetterActorRef(this, root / "deadLetters", LoggerFactory.CreateLogger("AkkaZk.Actors.DeadLetters"));
        var rootGuardian = new RootGuardianRef(this, root, LoggerFactory.CreateLogger<ActorSystem>(), OnGuardianTerminated);
        _guardian = new ActorCell(this, GuardianActor.Props, rootGuardian, root / "user");
        _guardian.Start();
    }

    public string Name { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ActorSystemSettings Settings { get; }

    public IActorRef DeadLetters => DeadLetterSink;

    public IScheduler Scheduler => SchedulerImpl;

    /// <summary>Completes once every actor has stopped after <see cref="Terminate"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal TimeProvider TimeProvider { get; }

    internal TimeProviderScheduler SchedulerImpl { get; }

    internal DeadLetterActorRef DeadLetterSink { get; }

    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: use letters, digits, '-' and '_'", nameof(name));
        }

        settings ??= new ActorSystemSettings();
        if (settings.Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Throughput, "Throughput must be at least 1");
        }

        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor; its failures are handled by the guardian's default strategy (restart).</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    /// <summary>Stops an actor asynchronously: its children first, then its PostStop, then its watchers hear of it.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        (actor as InternalActorRef)?.SendSystemMessage(SystemMessages.Terminate.Instance);
    }

    /// <summary>Stops all actors (each one's PostStop runs) and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminateRequested, 1) == 0)
        {
            _guardian.SelfRef.SendSystemMessage(SystemMessages.Terminate.Instance);
        }

        return WhenTerminated;
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    public override string ToString() => $"akka://{Name}";

    internal ActorPath NewTempPath() => _tempPath / ActorNames.Auto(Interlocked.Increment(ref _nextTempName) - 1);

    private void OnGuardianTerminated()
    {
        Interlocked.Exchange(ref _terminateRequested, 1);
        SchedulerImpl.Shutdown();
        _terminated.TrySetResult();
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex ValidName();
}
