using AkkaZk.Actors;
using AkkaZk.Actors.Internal;

namespace AkkaZk.TestKit;

/// <summary>
/// Base class for xunit tests of actors: a fresh <see cref="ActorSystem"/> per test, with <see cref="TestKitBase.TestActor"/>
/// as the implicit sender of the test's <c>Tell</c>s. Dispose terminates the system.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable
{
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(10);
    private bool _disposed;

    protected TestKit(string? systemName = null)
        : this(new ActorSystemSettings(), systemName)
    {
    }

    protected TestKit(ActorSystemSettings settings, string? systemName = null)
        : base(ActorSystem.Create(systemName ?? "test", settings), "testActor", TimeSpan.FromSeconds(3))
    {
        ImplicitSender.SetForCurrentFlow(TestActor);
    }

    /// <summary>Terminates the system, waiting a bounded time for every actor to stop.</summary>
    public void Shutdown() => Sys.Terminate().Wait(s_shutdownTimeout);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            Shutdown();
            ImplicitSender.SetForCurrentFlow(null);
        }
    }
}
